package dev.argus.llm.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * When a simulated model is down (answers HTTP 503), counted from the server's start: from {@code
 * start} for {@code length}, and again every {@code period} when one is given.
 */
public record DownWindow(Duration start, Duration length, Duration period) {

  public DownWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(length, "length");
    if (period != null && period.compareTo(length) <= 0) {
      throw new IllegalArgumentException(
          "period (" + period + ") must be longer than length (" + length + ")");
    }
  }

  /** Down once, from {@code start} for {@code length}. */
  public static DownWindow once(Duration start, Duration length) {
    return new DownWindow(start, length, null);
  }

  /** Down for {@code length} every {@code period}, the first time at {@code start}. */
  public static DownWindow every(Duration period, Duration start, Duration length) {
    return new DownWindow(start, length, period);
  }

  boolean isDown(long elapsedNanos) {
    long since = elapsedNanos - start.toNanos();
    if (since < 0) {
      return false;
    }
    long into = period == null ? since : since % period.toNanos();
    return into < length.toNanos();
  }
}
