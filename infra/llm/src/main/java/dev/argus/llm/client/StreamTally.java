package dev.argus.llm.client;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What a stream has carried so far, fed by a protocol's interpreter on the HTTP client's thread and
 * read by the prober once the exchange is over (or timed out while bytes may still arrive, hence
 * the locking).
 */
final class StreamTally {

  private static final Set<String> LENGTH_FINISHES = Set.of("length", "max_tokens");

  private long firstTokenNanos = -1;
  private long firstAnswerNanos = -1;
  private long lastTokenNanos = -1;
  private int answerChunks;
  private int reasoningChunks;
  private long answerChars;
  private long reasoningChars;
  private Integer usageInput;
  private Integer usageOutput;
  private Integer usageReasoning;
  private String finishReason;
  private boolean ended;
  private String streamError;
  private Long loadNanos;

  synchronized void answer(String text, long nanos) {
    if (text == null || text.isEmpty()) {
      return;
    }
    token(nanos);
    if (firstAnswerNanos < 0) {
      firstAnswerNanos = nanos;
    }
    answerChunks++;
    answerChars += text.length();
  }

  synchronized void reasoning(String text, long nanos) {
    if (text == null || text.isEmpty()) {
      return;
    }
    token(nanos);
    reasoningChunks++;
    reasoningChars += text.length();
  }

  private void token(long nanos) {
    if (firstTokenNanos < 0) {
      firstTokenNanos = nanos;
    }
    lastTokenNanos = nanos;
  }

  /** Usage figures as reported; a null leaves what an earlier event said. */
  synchronized void usage(Integer input, Integer output, Integer reasoning) {
    if (input != null) {
      usageInput = input;
    }
    if (output != null) {
      usageOutput = output;
    }
    if (reasoning != null) {
      usageReasoning = reasoning;
    }
  }

  synchronized void finish(String reason) {
    if (reason != null && !reason.isBlank()) {
      finishReason = reason;
    }
  }

  /** The protocol's end marker arrived: the stream is complete. */
  synchronized void end() {
    ended = true;
  }

  synchronized void loadNanos(long nanos) {
    loadNanos = nanos;
  }

  /** An error the provider reported inside the stream; the first one is kept. */
  synchronized void error(String message) {
    if (streamError == null) {
      streamError = message;
    }
  }

  synchronized boolean hasTokens() {
    return firstTokenNanos >= 0;
  }

  /**
   * The measurement of an exchange that is over.
   *
   * @param failure why the exchange failed outside the stream (HTTP status, transport, timeout), or
   *     null when the body was read to its end
   */
  synchronized ProbeMeasurement measure(
      String model,
      Instant startedAt,
      long sentNanos,
      Integer httpStatus,
      long headersNanos,
      long endNanos,
      String failure,
      int budget) {
    boolean tokens = firstTokenNanos >= 0;
    boolean lengthLimited =
        finishReason != null && LENGTH_FINISHES.contains(finishReason.toLowerCase(Locale.ROOT));
    String error = failure;
    boolean brokenOff = false;
    if (error == null && streamError != null) {
      error = streamError;
    }
    boolean complete = error == null && ended;
    if (error == null && !ended) {
      error =
          "the stream ended before the provider's end marker"
              + (tokens ? " (cut off after " + (answerChunks + reasoningChunks) + " chunks)" : "");
    }
    if (error != null) {
      brokenOff = tokens;
    } else if (answerChars == 0) {
      error =
          reasoningChars > 0
              ? "the model spent its whole answer on reasoning and gave no answer text"
                  + (lengthLimited
                      ? " (stopped by the token budget of " + budget + "; give it a larger one)"
                      : "")
              : "the model answered with no text"
                  + (finishReason == null ? "" : " (finish reason " + finishReason + ")");
    }

    boolean fromUsage = usageOutput != null;
    // Nothing streamed and no usage: no count at all rather than a made-up zero.
    boolean counted = fromUsage || tokens;
    Integer output =
        fromUsage ? usageOutput : counted ? (Integer) (answerChunks + reasoningChunks) : null;
    Integer reasoning = fromUsage ? usageReasoning : counted ? (Integer) reasoningChunks : null;
    Double ttft = tokens ? millis(firstTokenNanos - sentNanos) : null;
    Double ttfo = firstAnswerNanos >= 0 ? millis(firstAnswerNanos - sentNanos) : null;
    double latency = millis((tokens ? lastTokenNanos : endNanos) - sentNanos);
    Double tpot = null;
    Double tps = null;
    Double e2eTps = null;
    if (tokens && output != null && output > 0) {
      double decode = latency - ttft;
      if (output > 1 && decode > 0) {
        tpot = decode / (output - 1);
      }
      if (decode > 0) {
        tps = output * 1000.0 / decode;
      }
      if (latency > 0) {
        e2eTps = output * 1000.0 / latency;
      }
    }
    return new ProbeMeasurement(
        model,
        startedAt,
        error == null,
        error,
        httpStatus,
        ttft,
        ttfo,
        latency,
        tpot,
        tps,
        e2eTps,
        output,
        usageInput,
        reasoning,
        fromUsage ? TokenSource.USAGE : counted ? TokenSource.CHUNKS : null,
        finishReason,
        lengthLimited || brokenOff,
        complete,
        answerChars,
        reasoningChars,
        answerChunks + reasoningChunks,
        headersNanos < 0 ? null : millis(headersNanos - sentNanos),
        millis(endNanos - sentNanos),
        loadNanos == null ? null : loadNanos / 1_000_000.0);
  }

  static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
