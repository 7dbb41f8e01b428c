package dev.argus.llm.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;
import tools.jackson.databind.JsonNode;

/**
 * The provider's own words for a failure, from the error shapes they use: OpenAI and Gemini {@code
 * {"error": {"message", "type"|"status", "code"}}}, Anthropic {@code {"type": "error", "error":
 * {"type", "message"}}}, Ollama {@code {"error": "text"}}, vLLM and others {@code {"message",
 * "type"}} or {@code {"detail"}}; anything else is quoted, clipped.
 */
final class ProviderErrors {

  private static final int MAX_QUOTED = 500;

  private ProviderErrors() {}

  /** {@code HTTP 429 from api.example.com: Rate limit reached (rate_limit_error)}. */
  static String httpStatus(int status, String body, URI uri) {
    JsonNode json = body == null || body.isBlank() ? null : Json.parse(body);
    String what =
        json != null && json.isObject()
            ? message(json)
            : body == null || body.isBlank() ? "no error text" : clip(body.strip());
    return "HTTP " + status + " from " + uri.getHost() + ": " + what;
  }

  /** The message of an error document, with its type or code in brackets when it has one. */
  static String message(JsonNode json) {
    JsonNode error = json.path("error");
    if (error.isString()) {
      return error.stringValue();
    }
    JsonNode holder = error.isObject() ? error : json;
    String message = Json.text(holder.path("message"));
    if (message == null) {
      message = Json.text(holder.path("detail"));
    }
    if (message == null) {
      return clip(Json.write(json));
    }
    // The most specific name first: OpenAI's code (invalid_api_key) over its broad type.
    String kind = Json.text(holder.path("code"));
    if (kind == null) {
      kind = Json.text(holder.path("status"));
    }
    if (kind == null) {
      kind = Json.text(holder.path("type"));
    }
    if ("error".equals(kind)) {
      kind = null;
    }
    return kind == null ? message : message + " (" + kind + ")";
  }

  /** Why a request got no answer, named by the transport failure. */
  static String transport(Throwable cause, URI uri, long timeoutMillis) {
    String endpoint = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    if (cause instanceof HttpConnectTimeoutException) {
      return "connect timed out after " + timeoutMillis + " ms to " + endpoint;
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + timeoutMillis + " ms from " + endpoint;
    }
    if (cause instanceof SSLException) {
      return "TLS handshake with " + endpoint + " failed: " + firstMessage(cause);
    }
    if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
      String detail = firstMessage(cause);
      return "cannot connect to "
          + endpoint
          + (detail.equals(cause.getClass().getSimpleName())
              ? " (connection refused or host unreachable)"
              : ": " + detail);
    }
    return "request to " + endpoint + " failed: " + firstMessage(cause);
  }

  /** The first message along the cause chain: the JDK client's own exceptions often have none. */
  static String firstMessage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return error.getClass().getSimpleName();
  }

  static String clip(String text) {
    return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
  }
}
