package dev.argus.llm.client;

import tools.jackson.databind.JsonNode;

/**
 * Ollama's native {@code /api/chat} stream: NDJSON lines {@code {message: {content, thinking?},
 * done: false}}; the last has {@code done: true}, {@code done_reason} and the counters ({@code
 * prompt_eval_count}, {@code eval_count}, {@code load_duration} in nanoseconds, where a cold load
 * shows). An {@code {"error": ...}} line reports a failure mid-stream.
 */
final class OllamaStream implements TimedEventStream.Listener {

  private final StreamTally tally;

  OllamaStream(StreamTally tally) {
    this.tally = tally;
  }

  @Override
  public void onEvent(String event, String data, long arrivalNanos) {
    JsonNode line = Json.parse(data);
    if (line == null || !line.isObject()) {
      tally.error("unreadable stream line: " + ProviderErrors.clip(data));
      return;
    }
    if (line.has("error")) {
      tally.error("error in the stream: " + ProviderErrors.message(line));
      return;
    }
    JsonNode message = line.path("message");
    tally.reasoning(Json.text(message.path("thinking")), arrivalNanos);
    tally.answer(Json.text(message.path("content")), arrivalNanos);
    if (line.path("done").asBoolean(false)) {
      tally.finish(Json.text(line.path("done_reason")));
      tally.usage(
          Json.integer(line.path("prompt_eval_count")),
          Json.integer(line.path("eval_count")),
          null);
      Long load = Json.longValue(line.path("load_duration"));
      if (load != null) {
        tally.loadNanos(load);
      }
      tally.end();
    }
  }
}
