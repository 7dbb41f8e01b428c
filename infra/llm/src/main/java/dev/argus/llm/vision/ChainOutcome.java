package dev.argus.llm.vision;

import java.util.List;

/**
 * What the fallback chain did with one request.
 *
 * @param answer set when some provider described the image
 * @param attempts every call or skip, in order, e.g. {@code openai/gpt-4o: 429}, {@code
 *     anthropic/claude: circuit open}, {@code gemini/flash: ok}
 * @param error why there is no answer (every provider failed, a cost cap paused descriptions, no
 *     provider configured); null when answered
 * @param totalLatencyMs from the first attempt to the end
 */
public record ChainOutcome(
    Outcome outcome,
    VisionAnswer answer,
    List<String> attempts,
    String error,
    long totalLatencyMs) {

  /** Described, failed on every provider, or not tried because a cost cap is reached. */
  public enum Outcome {
    DESCRIBED,
    FAILED,
    PAUSED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ChainOutcome {
    attempts = List.copyOf(attempts);
  }
}
