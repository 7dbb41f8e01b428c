package dev.argus.stack;

import static org.awaitility.Awaitility.await;

import dev.argus.contract.testing.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end tests' HTTP client of a running local stack's api. Every answer is checked against
 * the api's own {@code /openapi.json} ({@link OpenApiContract}).
 */
final class StackApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final Supplier<String> baseUrl;
  private final String apiKey;

  /**
   * @param baseUrl asked on every request, as a test may restart the stack
   * @param apiKey sent as {@code X-Api-Key}; null sends none
   */
  StackApi(Supplier<String> baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  record Response(int status, JsonNode body) {}

  Response get(String path) {
    return send("GET", path, null);
  }

  /** Sends {@code json} (null: no body); an empty answer reads as an empty object. */
  Response send(String method, String path, String json) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      OpenApiContract.at(baseUrl.get())
          .assertConforms(method, path, response.statusCode(), response.headers().map(), body);
      return new Response(
          response.statusCode(),
          body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code path} until it answers 200 with a body that is {@code ready}. */
  JsonNode awaitJson(String path, Duration timeout, Predicate<JsonNode> ready) {
    return await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              Response r = get(path);
              return r.status() == 200 && ready.test(r.body()) ? r.body() : null;
            },
            Objects::nonNull);
  }

  /**
   * A fresh stack for one test class: its own data directory under {@code target}, free ports, no
   * demo fleet and a database that does not sync to disk (tests start from nothing, so a power cut
   * loses nothing). A test names what it adds, e.g. {@code
   * testStack("it-x").demoFleet(true).pollInterval(Duration.ofSeconds(1)).build()}.
   */
  static StackOptions.Builder testStack(String dataDirName) throws IOException {
    return StackOptions.builder(
            Path.of("../..").toAbsolutePath().normalize(),
            Path.of("target", dataDirName).toAbsolutePath())
        .reset(true)
        .apiPort(freePort())
        .kafkaPort(freePort())
        .controllerPort(freePort())
        .dbPort(freePort())
        .externalDatabase(null, null, null)
        .demoFleet(false)
        .demoNutPort(freePort())
        .demoLlmPort(freePort())
        .demoCameraPort(freePort())
        .processorMetricsPort(freePort())
        .collectorMetricsPort(freePort())
        .durableDatabase(false);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
