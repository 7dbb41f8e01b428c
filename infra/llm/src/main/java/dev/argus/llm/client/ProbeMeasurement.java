package dev.argus.llm.client;

import java.time.Instant;

/**
 * What one streamed request measured. Times are milliseconds from the moment the request was handed
 * to the HTTP client (so connecting is included, as vLLM's {@code bench serve} does), read from
 * {@link System#nanoTime()} when each network buffer arrived, before it was parsed.
 *
 * <ul>
 *   <li>{@code ttftMs}: to the first chunk carrying generated text, answer or reasoning; never a
 *       role-only or empty chunk, Azure's {@code prompt_filter_results} chunk, Anthropic's {@code
 *       message_start} or {@code ping}.
 *   <li>{@code ttfoMs}: to the first answer text (equals TTFT for a model that does not reason);
 *       null when no answer text came.
 *   <li>{@code latencyMs}: end to end, to the last chunk carrying generated text (the trailing
 *       usage chunk, {@code [DONE]}, {@code message_stop} do not count). When no token came, the
 *       time until the failure was known.
 *   <li>{@code tpotMs}: time per output token after the first, (E2E − TTFT) / (output tokens − 1);
 *       an average, not the inter-token latency distribution.
 *   <li>{@code tps}: output tokens / (E2E − TTFT): all output tokens over the decode time. Slightly
 *       above the pure decode rate (output tokens − 1) / (E2E − TTFT) = 1000 / TPOT, which the
 *       first token's share does not belong to; {@code e2eTps} is output tokens / E2E, the rate a
 *       user sees.
 * </ul>
 *
 * <p>Token counts: {@code outputTokens} is every generated token, reasoning included (as OpenAI's
 * {@code completion_tokens}; for Gemini candidates + thoughts), {@code reasoningTokens} the
 * reasoning share where the provider reports it (Anthropic does not). From the provider's usage
 * when it sent one, else counted as chunks carrying text ({@code tokenSource}).
 *
 * <p>{@code success} needs a complete stream with answer text: an HTTP error, an error event, a
 * timeout, a stream cut before its end marker, or a model that answered with no answer text at all
 * is a failure with {@code error}. {@code truncated} says the answer was cut short: by the token
 * budget ({@code finishReason} {@code length}, {@code max_tokens}, {@code MAX_TOKENS}), which is
 * still a success, or by the stream breaking off after tokens came, which is not.
 *
 * @param complete the stream reached the protocol's end marker ({@code [DONE]} or a finish reason,
 *     {@code message_stop}, {@code done: true}, Gemini's {@code finishReason}) with no error: the
 *     provider answered in full, whether or not with answer text
 * @param httpStatus the response's status, or null when none came
 * @param headersMs to the response headers, or null
 * @param totalMs to the end of the exchange (stream end, failure or timeout)
 * @param loadMs the model load time the provider reports (Ollama's {@code load_duration}), or null
 * @param outputChars characters of answer text received
 * @param reasoningChars characters of reasoning text received
 * @param textChunks chunks that carried generated text
 */
public record ProbeMeasurement(
    String model,
    Instant startedAt,
    boolean success,
    String error,
    Integer httpStatus,
    Double ttftMs,
    Double ttfoMs,
    Double latencyMs,
    Double tpotMs,
    Double tps,
    Double e2eTps,
    Integer outputTokens,
    Integer inputTokens,
    Integer reasoningTokens,
    TokenSource tokenSource,
    String finishReason,
    boolean truncated,
    boolean complete,
    long outputChars,
    long reasoningChars,
    int textChunks,
    Double headersMs,
    Double totalMs,
    Double loadMs) {

  /** A request that never got to stream: refused address, unknown host, bad model id. */
  static ProbeMeasurement notSent(String model, Instant startedAt, String error) {
    return new ProbeMeasurement(
        model, startedAt, false, error, null, null, null, 0.0, null, null, null, null, null, null,
        null, null, false, false, 0, 0, 0, null, 0.0, null);
  }
}
