package dev.argus.processor.sink;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How the telemetry sink consumes and retries.
 *
 * @param groupId consumer group; a new group replays the topics from the start, which the
 *     idempotent writes turn into a no-op
 * @param maxPollRecords the most records written in one database transaction
 * @param pollTimeout how long one poll waits for records
 * @param retryInitialBackoff the first wait after a failed write; it doubles on each failure
 * @param retryMaxBackoff the longest wait between retries
 * @param statsInterval how often the counters are logged (when they changed)
 * @param lastSeenResolution {@code ARGUS_SINK_LAST_SEEN_RESOLUTION} (default 15 s): a device row is
 *     rewritten only when its {@code last_seen} moves by at least this much or what it reports
 *     about itself changes; zero rewrites it with every batch (see {@link DeviceRowRefresh})
 */
@ConfigurationProperties("argus.sink")
public record SinkProperties(
    String groupId,
    Integer maxPollRecords,
    Duration pollTimeout,
    Duration retryInitialBackoff,
    Duration retryMaxBackoff,
    Duration statsInterval,
    Duration lastSeenResolution) {

  @ConstructorBinding
  public SinkProperties {
    groupId = groupId == null || groupId.isBlank() ? "argus-sink" : groupId;
    maxPollRecords = maxPollRecords == null ? 2000 : maxPollRecords;
    pollTimeout = pollTimeout == null ? Duration.ofMillis(500) : pollTimeout;
    retryInitialBackoff = retryInitialBackoff == null ? Duration.ofSeconds(1) : retryInitialBackoff;
    retryMaxBackoff = retryMaxBackoff == null ? Duration.ofSeconds(30) : retryMaxBackoff;
    statsInterval = statsInterval == null ? Duration.ofMinutes(1) : statsInterval;
    lastSeenResolution = lastSeenResolution == null ? Duration.ofSeconds(15) : lastSeenResolution;
    if (lastSeenResolution.isNegative() || lastSeenResolution.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "ARGUS_SINK_LAST_SEEN_RESOLUTION (argus.sink.last-seen-resolution) must be between 0s"
              + " and 1h, was "
              + lastSeenResolution);
    }
    if (maxPollRecords < 1 || maxPollRecords > 100_000) {
      throw new IllegalArgumentException(
          "argus.sink.max-poll-records must be between 1 and 100000, was " + maxPollRecords);
    }
    if (!isPositive(pollTimeout)
        || !isPositive(retryInitialBackoff)
        || !isPositive(statsInterval)) {
      throw new IllegalArgumentException(
          "argus.sink.poll-timeout, retry-initial-backoff and stats-interval must be positive");
    }
    if (retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
      throw new IllegalArgumentException(
          "argus.sink.retry-max-backoff ("
              + retryMaxBackoff
              + ") must not be shorter than argus.sink.retry-initial-backoff ("
              + retryInitialBackoff
              + ")");
    }
  }

  /** With the default {@code last_seen} resolution. */
  public SinkProperties(
      String groupId,
      Integer maxPollRecords,
      Duration pollTimeout,
      Duration retryInitialBackoff,
      Duration retryMaxBackoff,
      Duration statsInterval) {
    this(
        groupId,
        maxPollRecords,
        pollTimeout,
        retryInitialBackoff,
        retryMaxBackoff,
        statsInterval,
        null);
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
