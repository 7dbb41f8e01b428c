package dev.argus.processor.sink;

import java.time.Duration;

/** Exponential backoff: the initial wait, doubling after each failure up to a ceiling. */
final class RetryBackoff {

  private final Duration initial;
  private final Duration max;
  private Duration next;

  RetryBackoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** The wait before the next attempt; each call doubles the one after. */
  Duration next() {
    Duration current = next;
    Duration doubled = current.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  void reset() {
    next = initial;
  }
}
