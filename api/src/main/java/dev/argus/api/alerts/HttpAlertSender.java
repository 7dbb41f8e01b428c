package dev.argus.api.alerts;

import dev.argus.contract.events.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notifications over HTTP: a webhook gets the message as JSON, ntfy a text body with
 * Title/Priority/Tags headers, Gotify {@code {title, message, priority}}. Redirects are not
 * followed (a redirect could lead past the address check), every request has a deadline, and at
 * most {@link #MAX_RESPONSE_BYTES} of an answer are read.
 */
final class HttpAlertSender {

  static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final int ERROR_EXCERPT = 200;

  private final HttpClient client;
  private final JsonMapper json;
  private final Duration requestTimeout;

  HttpAlertSender(JsonMapper json, Duration connectTimeout, Duration requestTimeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.json = json;
    this.requestTimeout = requestTimeout;
  }

  void send(AlertProvider provider, AlertMessage message) throws DeliveryException {
    HttpRequest request =
        switch (provider) {
          case AlertProvider.Webhook w -> webhook(w, message);
          case AlertProvider.Ntfy n -> ntfy(n, message);
          case AlertProvider.Gotify g -> gotify(g, message);
          default -> throw new IllegalArgumentException("not an HTTP provider: " + provider.type());
        };
    call(request);
  }

  private HttpRequest webhook(AlertProvider.Webhook webhook, AlertMessage message)
      throws DeliveryException {
    var request =
        HttpRequest.newBuilder(destination("url", webhook.url()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message)));
    webhook.headers().forEach(request::header);
    return request.header("Content-Type", "application/json").timeout(requestTimeout).build();
  }

  private HttpRequest ntfy(AlertProvider.Ntfy ntfy, AlertMessage message) throws DeliveryException {
    var request =
        HttpRequest.newBuilder(destination("server_url", ntfy.serverUrl() + "/" + ntfy.topic()))
            .POST(HttpRequest.BodyPublishers.ofString(message.message(), StandardCharsets.UTF_8))
            .header("Content-Type", "text/plain; charset=utf-8")
            .header("Title", headerSafe(message.title()))
            .header("Priority", Integer.toString(ntfyPriority(message.severity())))
            .header("Tags", headerSafe(ntfyTag(message.severity()) + "," + message.eventType()))
            .timeout(requestTimeout);
    if (ntfy.token() != null) {
      request.header("Authorization", "Bearer " + ntfy.token());
    }
    return request.build();
  }

  private HttpRequest gotify(AlertProvider.Gotify gotify, AlertMessage message)
      throws DeliveryException {
    URI base = destination("server_url", gotify.serverUrl() + "/message");
    URI uri =
        URI.create(base + "?token=" + URLEncoder.encode(gotify.appToken(), StandardCharsets.UTF_8));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", message.title());
    body.put("message", message.message());
    body.put("priority", gotifyPriority(message.severity()));
    return HttpRequest.newBuilder(uri)
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
        .header("Content-Type", "application/json")
        .timeout(requestTimeout)
        .build();
  }

  /** Re-checks the address now: the name may resolve elsewhere than when it was saved. */
  private static URI destination(String field, String url) throws DeliveryException {
    try {
      return ProviderDestinations.checkUrl(field, url);
    } catch (InvalidAlertSettingsException e) {
      throw new DeliveryException("refused: " + e.getMessage(), false);
    }
  }

  private void call(HttpRequest request) throws DeliveryException {
    String target = request.uri().getHost() + ":" + request.uri().getPort();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new DeliveryException(
          "cannot reach "
              + target
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while sending to " + target, true);
    }
    String excerpt = readBounded(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    // A client error other than timeout or throttling will fail the same way next time.
    boolean retryable = status >= 500 || status == 408 || status == 429 || status < 200;
    throw new DeliveryException(
        "HTTP " + status + " from " + target + (excerpt.isEmpty() ? "" : ": " + excerpt),
        retryable);
  }

  /** At most the first bytes of an answer, as an excerpt for the log; the rest is not read. */
  private static String readBounded(InputStream body) {
    try (body) {
      byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES);
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      return text.length() <= ERROR_EXCERPT ? text : text.substring(0, ERROR_EXCERPT) + "…";
    } catch (IOException e) {
      return "";
    }
  }

  /** HTTP header values here are ASCII; anything else is replaced rather than rejected. */
  private static String headerSafe(String value) {
    return value.replaceAll("[^\\x20-\\x7e]", "?");
  }

  static int ntfyPriority(Severity severity) {
    return switch (severity) {
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  private static String ntfyTag(Severity severity) {
    return switch (severity) {
      case LOW -> "information_source";
      case MEDIUM -> "warning";
      case HIGH, CRITICAL -> "rotating_light";
    };
  }

  static int gotifyPriority(Severity severity) {
    return switch (severity) {
      case LOW -> 2;
      case MEDIUM -> 5;
      case HIGH -> 8;
      case CRITICAL -> 10;
    };
  }
}
