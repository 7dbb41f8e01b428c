package dev.argus.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the local stack restarts a service that died, and when it gives up: the first restart waits
 * {@code firstDelay}, each further one twice as long up to {@code maxDelay}, and a service that
 * crashed more than {@code limit} times within {@code window} is given up (the stack then stops, as
 * a crash loop needs a person, not more restarts). Crashes older than the window are forgotten, so
 * a service that ran quietly for a while starts again from the first delay.
 *
 * @param limit restarts allowed within {@code window}; 0 stops the stack at the first crash
 */
public record RestartPolicy(int limit, Duration window, Duration firstDelay, Duration maxDelay) {

  public static final RestartPolicy DEFAULT =
      new RestartPolicy(5, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30));

  public RestartPolicy {
    if (limit < 0) {
      throw new IllegalArgumentException("the restart limit must be 0 or more, not " + limit);
    }
    if (!window.isPositive() || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "restart window and delays must be positive, the maximum"
              + " delay at least the first: "
              + window
              + ", "
              + firstDelay
              + ", "
              + maxDelay);
    }
  }

  /** What to do about the latest of a service's {@code crashes} (oldest first, latest last). */
  Decision decide(List<Instant> crashes) {
    Instant latest = crashes.getLast();
    Instant windowStart = latest.minus(window);
    int recent = (int) crashes.stream().filter(t -> t.isAfter(windowStart)).count();
    if (recent > limit) {
      return new GiveUp(recent, window);
    }
    return new Restart(delayBefore(recent), recent);
  }

  private Duration delayBefore(int restart) {
    Duration delay = firstDelay;
    for (int i = 1; i < restart && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  sealed interface Decision {}

  /** Start the service again after {@code delay}; {@code number} counts restarts in the window. */
  record Restart(Duration delay, int number) implements Decision {}

  /** {@code crashes} crashes within {@code window}: stop the stack. */
  record GiveUp(int crashes, Duration window) implements Decision {}
}
