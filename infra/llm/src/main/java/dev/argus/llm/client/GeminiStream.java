package dev.argus.llm.client;

import tools.jackson.databind.JsonNode;

/**
 * Gemini's {@code streamGenerateContent?alt=sse}: {@code data:} chunks with {@code
 * candidates[0].content.parts[]}, where a part with {@code thought: true} is thinking. No {@code
 * [DONE]}: the chunk with {@code finishReason} is the last. {@code usageMetadata} (in every chunk,
 * the last one complete) gives {@code promptTokenCount}, {@code candidatesTokenCount} (answer) and
 * {@code thoughtsTokenCount} (thinking, counted apart).
 */
final class GeminiStream implements TimedEventStream.Listener {

  private final StreamTally tally;

  GeminiStream(StreamTally tally) {
    this.tally = tally;
  }

  @Override
  public void onEvent(String event, String data, long arrivalNanos) {
    JsonNode chunk = Json.parse(data);
    if (chunk == null || !chunk.isObject()) {
      tally.error("unreadable stream chunk: " + ProviderErrors.clip(data));
      return;
    }
    if (chunk.has("error")) {
      tally.error("error in the stream: " + ProviderErrors.message(chunk));
      return;
    }
    JsonNode candidate = chunk.path("candidates").path(0);
    for (JsonNode part : candidate.path("content").path("parts")) {
      String text = Json.text(part.path("text"));
      if (part.path("thought").asBoolean(false)) {
        tally.reasoning(text, arrivalNanos);
      } else {
        tally.answer(text, arrivalNanos);
      }
    }
    JsonNode usage = chunk.path("usageMetadata");
    if (usage.isObject()) {
      Integer answer = Json.integer(usage.path("candidatesTokenCount"));
      Integer thoughts = Json.integer(usage.path("thoughtsTokenCount"));
      Integer output =
          answer == null && thoughts == null
              ? null
              : (answer == null ? 0 : answer) + (thoughts == null ? 0 : thoughts);
      tally.usage(Json.integer(usage.path("promptTokenCount")), output, thoughts);
    }
    String finish = Json.text(candidate.path("finishReason"));
    if (finish != null) {
      tally.finish(finish);
      tally.end();
    }
  }
}
