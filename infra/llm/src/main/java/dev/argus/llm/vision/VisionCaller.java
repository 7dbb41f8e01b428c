package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.client.ProviderReply;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One vision call to one model, in its protocol: the body from {@link VisionWire}, sent by the
 * provider's client, the answer's text and usage read back. Never throws for what the provider
 * does; a body that is not the protocol's answer is a failed call.
 */
final class VisionCaller {

  private static final int QUOTED = 200;

  private final HttpClient http;
  private final Duration timeout;

  VisionCaller(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** The outcome of one call: the model's text, or why there is none. */
  record Result(
      String text,
      Integer inputTokens,
      Integer outputTokens,
      long latencyMs,
      String error,
      boolean retryable) {

    boolean success() {
      return error == null;
    }

    static Result failed(String error, boolean retryable, long latencyMs) {
      return new Result(null, null, null, latencyMs, error, retryable);
    }
  }

  Result call(VisionTarget target, String prompt, List<String> base64Jpegs, int maxTokens) {
    ProviderClient client;
    try {
      client = ProviderClients.create(target.spec(), http);
    } catch (IllegalArgumentException e) {
      return Result.failed(e.getMessage(), false, 0);
    }
    try {
      return send(client, target, prompt, base64Jpegs, maxTokens);
    } catch (RuntimeException e) {
      // A reading this class did not foresee must still be a failed call, not a lost event.
      return Result.failed("the answer could not be read: " + e, false, 0);
    }
  }

  private Result send(
      ProviderClient client,
      VisionTarget target,
      String prompt,
      List<String> base64Jpegs,
      int maxTokens) {
    VisionWire wire = VisionWire.of(target.spec().type().protocol());
    String body = wire.body(target.spec().type(), target.modelId(), prompt, base64Jpegs, maxTokens);
    ProviderReply reply = client.send(target.modelId(), body, timeout);
    if (!reply.success()) {
      return Result.failed(reply.error(), reply.retryable(), reply.latencyMs());
    }
    JsonNode document = VisionWire.parse(reply.body());
    if (document == null) {
      return Result.failed(
          "the answer is not a JSON document of the "
              + target.spec().type().protocol().id()
              + " protocol: "
              + quote(reply.body()),
          false,
          reply.latencyMs());
    }
    VisionWire.WireAnswer answer = wire.read(document);
    return new Result(
        answer.text(),
        answer.inputTokens(),
        answer.outputTokens(),
        reply.latencyMs(),
        answer.problem(),
        false);
  }

  private static String quote(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "(empty)";
    }
    return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "…";
  }
}
