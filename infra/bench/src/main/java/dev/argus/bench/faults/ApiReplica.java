package dev.argus.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One api replica as a client sees it: its base URL and plain HTTP calls to it with a key. The
 * two-apis scenario talks to each replica by its own port, as clients behind no load balancer do.
 *
 * @param name how the results name the replica ({@code api}, {@code api-b})
 * @param baseUrl e.g. {@code http://127.0.0.1:8081}
 */
record ApiReplica(String name, String baseUrl) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A status and the body, as the replica answered. */
  record Answer(int status, String body) {}

  Answer get(String path, String key) throws IOException, InterruptedException {
    return send(request(path, key).GET());
  }

  Answer post(String path, String key, String json) throws IOException, InterruptedException {
    return send(request(path, key).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer put(String path, String key, String json) throws IOException, InterruptedException {
    return send(request(path, key).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The WebSocket URI of {@code /ws} with the given query. */
  URI webSocket(String query) {
    return URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws?" + query);
  }

  /** Waits until {@code /api/health} answers 200 (a replica just started, or restarted). */
  void awaitHealthy(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (get("/api/health", null).status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        name + " (" + baseUrl + ") did not answer /api/health within " + timeout);
  }

  private HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json");
    if (key != null) {
      builder.header("x-api-key", key);
    }
    return builder;
  }

  private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
