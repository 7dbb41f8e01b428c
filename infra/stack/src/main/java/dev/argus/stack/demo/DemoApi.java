package dev.argus.stack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How the demo's seeders talk to the running api, as a user would: JSON over HTTP with the admin
 * key; a refusal is reported and seeding goes on (it never stops the stack).
 */
final class DemoApi {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String adminKey;
  private final PrintStream out;

  /**
   * @param adminKey sent as {@code X-Api-Key}
   * @param out where a request the api refused is reported
   */
  DemoApi(String baseUrl, String adminKey, PrintStream out) {
    this.baseUrl = baseUrl;
    this.adminKey = adminKey;
    this.out = out;
  }

  HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("X-Api-Key", adminKey);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Whether the answer has the status; if not, says what could not be created and why. */
  boolean expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() == status) {
      return true;
    }
    out.println(
        "! Could not create " + what + " (" + response.statusCode() + "): " + response.body());
    return false;
  }

  /** Reports a problem of the demo's own set-up. */
  void report(String problem) {
    out.println("! " + problem);
  }
}
