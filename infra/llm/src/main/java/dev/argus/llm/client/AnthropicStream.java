package dev.argus.llm.client;

import tools.jackson.databind.JsonNode;

/**
 * The Anthropic Messages stream: named events. {@code message_start} carries the input tokens,
 * {@code content_block_delta} the text ({@code text_delta}) or thinking ({@code thinking_delta};
 * {@code signature_delta} is no token), {@code message_delta} the stop reason and the cumulative
 * output tokens, {@code message_stop} ends it; {@code ping} may come anywhere and an {@code error}
 * event (e.g. {@code overloaded_error}) can break the stream off.
 */
final class AnthropicStream implements TimedEventStream.Listener {

  private final StreamTally tally;

  AnthropicStream(StreamTally tally) {
    this.tally = tally;
  }

  @Override
  public void onEvent(String event, String data, long arrivalNanos) {
    JsonNode message = Json.parse(data);
    if (message == null || !message.isObject()) {
      tally.error("unreadable stream event " + event + ": " + ProviderErrors.clip(data));
      return;
    }
    String type = event != null ? event : Json.text(message.path("type"));
    if (type == null) {
      return;
    }
    switch (type) {
      case "message_start" -> {
        JsonNode usage = message.path("message").path("usage");
        tally.usage(Json.integer(usage.path("input_tokens")), null, null);
      }
      case "content_block_start" -> text(message.path("content_block"), arrivalNanos);
      case "content_block_delta" -> text(message.path("delta"), arrivalNanos);
      case "message_delta" -> {
        tally.finish(Json.text(message.path("delta").path("stop_reason")));
        JsonNode usage = message.path("usage");
        tally.usage(
            Json.integer(usage.path("input_tokens")),
            Json.integer(usage.path("output_tokens")),
            null);
      }
      case "message_stop" -> tally.end();
      case "error" -> tally.error("error in the stream: " + ProviderErrors.message(message));
      default -> {
        // ping, content_block_stop and event types added later carry no token.
      }
    }
  }

  private void text(JsonNode block, long arrivalNanos) {
    String kind = Json.text(block.path("type"));
    if ("text_delta".equals(kind) || "text".equals(kind)) {
      tally.answer(Json.text(block.path("text")), arrivalNanos);
    } else if ("thinking_delta".equals(kind) || "thinking".equals(kind)) {
      tally.reasoning(Json.text(block.path("thinking")), arrivalNanos);
    }
  }
}
