package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.client.ProviderReply;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One non-streamed text request (a prompt, no image) to one model in its protocol, e.g. to refine a
 * description prompt: the vision request of {@link VisionWire} with no image, sent by the
 * provider's client. One call, never retried; never throws for what the provider does.
 */
public final class TextCompletion {

  private final HttpClient http;
  private final Duration timeout;

  public TextCompletion(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * The model's answer, or why there is none.
   *
   * @param text the model's words; null when {@code error} says why there are none
   */
  public record Result(
      String text, Integer inputTokens, Integer outputTokens, long latencyMs, String error) {

    public boolean success() {
      return error == null;
    }
  }

  public Result complete(VisionTarget target, String prompt, int maxTokens) {
    ProviderClient client;
    try {
      client = ProviderClients.create(target.spec(), http);
    } catch (IllegalArgumentException e) {
      return new Result(null, null, null, 0, e.getMessage());
    }
    VisionWire wire = VisionWire.of(target.spec().type().protocol());
    String body = wire.body(target.spec().type(), target.modelId(), prompt, List.of(), maxTokens);
    ProviderReply reply = client.send(target.modelId(), body, timeout);
    if (!reply.success()) {
      return new Result(null, null, null, reply.latencyMs(), reply.error());
    }
    JsonNode document = VisionWire.parse(reply.body());
    if (document == null) {
      return new Result(
          null,
          null,
          null,
          reply.latencyMs(),
          "the answer is not a JSON document of the "
              + target.spec().type().protocol().id()
              + " protocol");
    }
    VisionWire.WireAnswer answer = wire.read(document);
    return new Result(
        answer.text() == null ? null : answer.text().strip(),
        answer.inputTokens(),
        answer.outputTokens(),
        reply.latencyMs(),
        answer.problem());
  }
}
