package dev.argus.llm.client;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAI chat-completions stream (also Azure's and every OpenAI-compatible server's): {@code
 * choices[].delta.content} is answer text, {@code delta.reasoning_content} (DeepSeek, vLLM) or
 * {@code delta.reasoning} (OpenRouter, newer vLLM) reasoning; a chunk with neither (the role-only
 * first chunk, Azure's {@code prompt_filter_results} chunk with {@code choices: []}) carries no
 * token. Usage comes in a last chunk with {@code choices: []} (or Groq's {@code x_groq.usage}), and
 * {@code data: [DONE]} ends the stream. Some servers report an error as a chunk {@code {"error":
 * ...}} mid-stream.
 */
final class OpenAiStream implements TimedEventStream.Listener {

  private final StreamTally tally;

  OpenAiStream(StreamTally tally) {
    this.tally = tally;
  }

  @Override
  public void onEvent(String event, String data, long arrivalNanos) {
    String trimmed = data.strip();
    if (trimmed.equals("[DONE]")) {
      tally.end();
      return;
    }
    JsonNode chunk = Json.parse(trimmed);
    if (chunk == null || !chunk.isObject()) {
      tally.error("unreadable stream chunk: " + ProviderErrors.clip(trimmed));
      return;
    }
    if (chunk.has("error")) {
      tally.error("error in the stream: " + ProviderErrors.message(chunk));
      return;
    }
    for (JsonNode choice : chunk.path("choices")) {
      JsonNode delta = choice.path("delta");
      String reasoning = Json.text(delta.path("reasoning_content"));
      if (reasoning == null) {
        reasoning = Json.text(delta.path("reasoning"));
      }
      tally.reasoning(reasoning, arrivalNanos);
      tally.answer(Json.text(delta.path("content")), arrivalNanos);
      String finish = Json.text(choice.path("finish_reason"));
      if (finish != null) {
        tally.finish(finish);
        // Servers that send no [DONE] still end with a finish reason.
        tally.end();
      }
    }
    JsonNode usage = chunk.path("usage");
    if (!usage.isObject()) {
      usage = chunk.path("x_groq").path("usage");
    }
    if (usage.isObject()) {
      tally.usage(
          Json.integer(usage.path("prompt_tokens")),
          Json.integer(usage.path("completion_tokens")),
          Json.integer(usage.path("completion_tokens_details").path("reasoning_tokens")));
    }
  }
}
