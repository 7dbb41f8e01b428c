package dev.argus.contract.kafka;

import java.time.Duration;

/**
 * How a service waits for a broker it cannot reach at start-up, bound from {@code
 * argus.kafka.startup.*}: each attempt to create the topics gives up after {@code attemptTimeout},
 * and the pause before the next one doubles from one second up to {@code maxBackoff}.
 *
 * @param attemptTimeout {@code ARGUS_KAFKA_STARTUP_ATTEMPT_TIMEOUT}: how long one attempt waits for
 *     the broker to answer
 * @param maxBackoff {@code ARGUS_KAFKA_STARTUP_MAX_BACKOFF}: the longest pause between two attempts
 */
public record BrokerWaitSettings(Duration attemptTimeout, Duration maxBackoff) {

  /** The prefix every service binds these settings from. */
  public static final String PREFIX = "argus.kafka.startup";

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration LONGEST = Duration.ofMinutes(10);

  public BrokerWaitSettings {
    if (attemptTimeout == null) {
      attemptTimeout = Duration.ofSeconds(30);
    }
    if (maxBackoff == null) {
      maxBackoff = Duration.ofSeconds(30);
    }
    // The admin client counts in whole milliseconds and refuses less than a second per request.
    if (attemptTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || attemptTimeout.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "argus.kafka.startup.attempt-timeout (ARGUS_KAFKA_STARTUP_ATTEMPT_TIMEOUT) must be"
              + " between 1s and 10m, was "
              + attemptTimeout);
    }
    if (maxBackoff.compareTo(Duration.ofMillis(100)) < 0 || maxBackoff.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "argus.kafka.startup.max-backoff (ARGUS_KAFKA_STARTUP_MAX_BACKOFF) must be between"
              + " 100ms and 10m, was "
              + maxBackoff);
    }
  }

  /** The pause after the {@code attempt}th failed attempt (from 1): 1 s, 2 s, 4 s … max. */
  public Duration backoffAfter(int attempt) {
    Duration backoff = FIRST_BACKOFF;
    for (int i = 1; i < attempt && backoff.compareTo(maxBackoff) < 0; i++) {
      backoff = backoff.multipliedBy(2);
    }
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
