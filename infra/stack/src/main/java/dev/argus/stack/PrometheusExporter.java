package dev.argus.stack;

import dev.argus.contract.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns the api's {@code prometheus} exporter on once, at the first start of a data directory, so
 * the api's {@code /metrics} answers on the local stack as the processor's and collector's do. The
 * seed keeps it off by default ({@code GET /metrics} is 404 until {@code enabled_exporters} holds
 * it); a user who turns it off later keeps it off, as the marker file says it was done.
 */
final class PrometheusExporter {

  static final String MARKER = "prometheus-exporter-enabled";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String apiBaseUrl;
  private final String adminKey;
  private final PrintStream out;

  PrometheusExporter(String apiBaseUrl, String adminKey, PrintStream out) {
    this.apiBaseUrl = apiBaseUrl;
    this.adminKey = adminKey;
    this.out = out;
  }

  /** Enables it through {@code PUT /api/config} unless {@code dataDir} says it was done once. */
  void enableOnce(Path dataDir) throws IOException, InterruptedException {
    Path marker = dataDir.resolve(MARKER);
    if (Files.exists(marker)) {
      return;
    }
    HttpResponse<String> config =
        http.send(request("/api/config").GET().build(), HttpResponse.BodyHandlers.ofString());
    if (config.statusCode() != 200) {
      out.println("! Could not read /api/config (" + config.statusCode() + "): " + config.body());
      return;
    }
    List<String> exporters = new ArrayList<>();
    JsonNode enabled = WireJson.MAPPER.readTree(config.body()).path("enabled_exporters");
    enabled.forEach(exporter -> exporters.add(exporter.asString()));
    if (!exporters.contains("prometheus")) {
      exporters.add("prometheus");
      String body =
          WireJson.MAPPER.writeValueAsString(Map.of("enabled_exporters", List.copyOf(exporters)));
      HttpResponse<String> updated =
          http.send(
              request("/api/config")
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (updated.statusCode() != 200) {
        out.println(
            "! Could not enable the prometheus exporter ("
                + updated.statusCode()
                + "): "
                + updated.body());
        return;
      }
    }
    Files.writeString(marker, "GET /metrics of the api was enabled on the first start\n");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(apiBaseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("X-Api-Key", adminKey);
  }
}
