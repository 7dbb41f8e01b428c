package dev.argus.llm.vision;

import java.time.Duration;

/**
 * How the chain treats each provider.
 *
 * @param callTimeout one call's limit (connect to last byte)
 * @param maxRetries retries of a failed call on the same provider before falling back (429, 5xx,
 *     timeout; never a 4xx other than 429)
 * @param firstBackoff the wait before the first retry; doubled for each next one (the seed: 2/4/8
 *     s)
 * @param failureRateThreshold percent of failed calls that opens a provider's circuit
 * @param minimumCalls calls counted before the circuit may open
 * @param openFor how long an open circuit skips its provider before trying one call again
 */
public record ChainSettings(
    Duration callTimeout,
    int maxRetries,
    Duration firstBackoff,
    float failureRateThreshold,
    int minimumCalls,
    Duration openFor) {

  public ChainSettings {
    if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
    }
    if (firstBackoff == null || firstBackoff.toMillis() < 1) {
      throw new IllegalArgumentException("firstBackoff must be at least 1 ms, was " + firstBackoff);
    }
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw new IllegalArgumentException(
          "failureRateThreshold must be a percentage above 0 and at most 100, was "
              + failureRateThreshold);
    }
    if (minimumCalls < 1) {
      throw new IllegalArgumentException("minimumCalls must be at least 1, was " + minimumCalls);
    }
    if (openFor == null || openFor.toMillis() < 1) {
      throw new IllegalArgumentException("openFor must be at least 1 ms, was " + openFor);
    }
  }

  public static final ChainSettings DEFAULTS =
      new ChainSettings(
          Duration.ofSeconds(30), 2, Duration.ofSeconds(2), 50f, 4, Duration.ofSeconds(60));
}
