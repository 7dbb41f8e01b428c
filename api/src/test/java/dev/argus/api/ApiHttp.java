package dev.argus.api;

import dev.argus.contract.testing.OpenApiContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the api under test on loopback, as any client would call it. Every answer
 * is checked against the api's own {@code /openapi.json} ({@link OpenApiContract}): one that the
 * document does not describe fails the test.
 */
public final class ApiHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final int port;
  private OpenApiContract contract;

  public ApiHttp(int port) {
    this.port = port;
  }

  public Response get(String pathAndQuery) {
    return send("GET", pathAndQuery);
  }

  public Response send(String method, String pathAndQuery) {
    return send(method, pathAndQuery, null);
  }

  /**
   * Sends a request with an optional JSON body and header name/value pairs, e.g. {@code
   * send("POST", "/api/v1/api-keys", "{...}", "x-api-key", key)}.
   */
  public Response send(String method, String pathAndQuery, String jsonBody, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      builder.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      contract()
          .assertConforms(
              method,
              pathAndQuery,
              response.statusCode(),
              response.headers().map(),
              response.body());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Allow").orElse(""),
          response.body(),
          response.headers());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot call " + method + " " + pathAndQuery, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted calling " + pathAndQuery, e);
    }
  }

  private OpenApiContract contract() {
    if (contract == null) {
      contract = OpenApiContract.at("http://127.0.0.1:" + port);
    }
    return contract;
  }

  /** What came back: status, the headers the tests look at, and the body. */
  public record Response(
      int status,
      String contentType,
      String allow,
      String body,
      java.net.http.HttpHeaders headers) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }
  }
}
