package dev.argus.llm.client;

import java.time.Duration;
import java.util.Objects;

/**
 * One measured request: a single streamed call, never retried.
 *
 * @param maxTokens the token budget, raised to {@value #MIN_MAX_TOKENS} when lower (some APIs
 *     reject smaller budgets, and a reasoning model needs room to answer)
 * @param timeout the whole request, from sending to the end of the stream
 */
public record ProbeRequest(String model, String prompt, int maxTokens, Duration timeout) {

  public static final int MIN_MAX_TOKENS = 16;

  public ProbeRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    maxTokens = Math.max(MIN_MAX_TOKENS, maxTokens);
  }

  /** A probe of {@code model} with a prompt pack's prompt and budget. */
  public static ProbeRequest of(String model, PromptPack pack, Duration timeout) {
    return new ProbeRequest(model, pack.prompt(), pack.maxTokens(), timeout);
  }
}
