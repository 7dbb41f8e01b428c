package dev.argus.bench.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api as a client sees it during a fault: a request, its status, its body and how long the
 * answer took. A request that gets no answer is an {@link Answer} with status 0, so that a check
 * can show what happened instead of throwing.
 */
final class ApiCalls {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final String key;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param key sent as {@code x-api-key}; null sends none
   */
  ApiCalls(String baseUrl, String key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  /** What the api answered: status 0 when it did not (refused, timed out). */
  record Answer(int status, String body, double seconds) {

    Optional<JsonNode> json() {
      try {
        return Optional.of(JSON.readTree(body));
      } catch (JacksonException notJson) {
        return Optional.empty();
      }
    }

    /** The {@code detail} of an error body, or empty. */
    Optional<String> detail() {
      return json()
          .map(node -> node.get("detail"))
          .filter(JsonNode::isString)
          .map(n -> n.asString());
    }

    /** One line for a check's observed column. */
    String summary() {
      String shown = body.length() > 200 ? body.substring(0, 200) + "..." : body;
      return String.format(Locale.ROOT, "%d %s (%.1f s)", status, shown, seconds);
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Asks until the answer has {@code status} or {@code timeout} passed; the last answer. */
  Answer awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Answer answer = get(path);
    while (answer.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(500);
      answer = get(path);
    }
    return answer;
  }

  /**
   * The body of a new http uptime target probed every 10 s (the shortest interval the api allows).
   */
  static String httpTarget(String name, String address) {
    return JSON.createObjectNode()
        .put("name", name)
        .put("type", "http")
        .put("address", address)
        .put("check_interval_seconds", 10)
        .toString();
  }

  private Answer send(HttpRequest.Builder request) {
    if (key != null) {
      request.header("x-api-key", key);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), since(started));
    } catch (IOException e) {
      return new Answer(0, e.getClass().getSimpleName() + ": " + e.getMessage(), since(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "interrupted", since(started));
    }
  }

  private static double since(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
