package dev.argus.stack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Creates the {@link DemoTargets} through the running api, as a user would, with the admin key.
 * Only on a stack without targets: a stack that has some (the demo's from an earlier run, or the
 * user's own) keeps them as they are.
 */
public final class DemoTargetSeeder {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String apiBaseUrl;
  private final String adminKey;
  private final PrintStream out;

  /**
   * @param adminKey sent as {@code X-Api-Key}: creating targets needs the admin key
   * @param out where a target the api refused is reported; seeding never stops the stack
   */
  public DemoTargetSeeder(String apiBaseUrl, String adminKey, PrintStream out) {
    this.apiBaseUrl = apiBaseUrl;
    this.adminKey = adminKey;
    this.out = out;
  }

  /** Creates the demo targets if the api has no targets yet. */
  public void seedOnce(int apiPort, int kafkaPort) throws IOException, InterruptedException {
    HttpResponse<String> existing =
        http.send(
            apiRequest("/api/v1/targets?page_size=1").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (existing.statusCode() != 200 || !existing.body().contains("\"total\":0")) {
      return;
    }
    int deadPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = probe.getLocalPort();
    }
    for (String body : DemoTargets.bodies(apiPort, kafkaPort, deadPort)) {
      HttpResponse<String> created =
          http.send(
              apiRequest("/api/v1/targets")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        out.println(
            "! Could not create a demo target (" + created.statusCode() + "): " + created.body());
        return;
      }
    }
  }

  private HttpRequest.Builder apiRequest(String path) {
    return HttpRequest.newBuilder(URI.create(apiBaseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("X-Api-Key", adminKey);
  }
}
