package dev.argus.collector.camera;

import java.time.Duration;
import java.util.List;

/**
 * How long a worker waits before it opens its source again: 1, 2, 4, 8, 16 and then 30 s between
 * consecutive failures, and 1 s again once frames have flowed. Short enough that a camera that
 * reboots is back within seconds, long enough that an unplugged one costs one ffmpeg start per 30
 * s.
 */
final class ReconnectBackoff {

  static final List<Duration> DELAYS =
      List.of(1, 2, 4, 8, 16, 30).stream().map(Duration::ofSeconds).toList();

  private int consecutiveFailures;

  /** Frames arrived: the next failure waits the shortest delay. */
  void framesFlowed() {
    consecutiveFailures = 0;
  }

  /** The wait after a failure. */
  Duration nextDelay() {
    Duration delay = DELAYS.get(Math.min(consecutiveFailures, DELAYS.size() - 1));
    consecutiveFailures++;
    return delay;
  }
}
