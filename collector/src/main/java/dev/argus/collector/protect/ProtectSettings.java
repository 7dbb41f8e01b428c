package dev.argus.collector.protect;

import dev.argus.protect.ProtectTimeouts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this collector runs its Protect sessions ({@code argus.protect.*}), validated when bound.
 *
 * @param statusInterval {@code ARGUS_PROTECT_STATUS_INTERVAL}: each controller's status and its
 *     cameras' statuses are published this often, besides every change of state
 * @param receiveTimeout {@code ARGUS_PROTECT_RECEIVE_TIMEOUT}: the updates websocket may be silent
 *     this long before the session reconnects (a controller sends updates every few seconds)
 * @param mediaThreads {@code ARGUS_PROTECT_MEDIA_THREADS}: snapshots and clip exports fetched at
 *     once per controller; the session's own thread never waits for media
 * @param mediaQueue {@code ARGUS_PROTECT_MEDIA_QUEUE}: detections waiting for their media per
 *     controller; beyond that a detection is published at once without frames (and counted)
 */
@ConfigurationProperties("argus.protect")
public record ProtectSettings(
    Duration statusInterval, Duration receiveTimeout, Integer mediaThreads, Integer mediaQueue) {

  /** The clip of a multi_frame reading: from this long before the detection... */
  public static final Duration CLIP_BEFORE = Duration.ofSeconds(1);

  /** ...to this long after it. */
  public static final Duration CLIP_AFTER = Duration.ofSeconds(2);

  public ProtectSettings {
    statusInterval = statusInterval == null ? Duration.ofSeconds(30) : statusInterval;
    receiveTimeout = receiveTimeout == null ? Duration.ofSeconds(60) : receiveTimeout;
    mediaThreads = mediaThreads == null ? 2 : mediaThreads;
    mediaQueue = mediaQueue == null ? 32 : mediaQueue;
    atLeastOneSecond(
        statusInterval, "argus.protect.status-interval (ARGUS_PROTECT_STATUS_INTERVAL)");
    atLeastOneSecond(
        receiveTimeout, "argus.protect.receive-timeout (ARGUS_PROTECT_RECEIVE_TIMEOUT)");
    requireBetween(
        mediaThreads, 1, 16, "argus.protect.media-threads (ARGUS_PROTECT_MEDIA_THREADS)");
    requireBetween(mediaQueue, 1, 1000, "argus.protect.media-queue (ARGUS_PROTECT_MEDIA_QUEUE)");
  }

  /** The defaults. */
  public static ProtectSettings defaults() {
    return new ProtectSettings(null, null, null, null);
  }

  /** The client's timeouts, with this collector's receive timeout. */
  public ProtectTimeouts timeouts() {
    ProtectTimeouts defaults = ProtectTimeouts.defaults();
    return new ProtectTimeouts(
        defaults.connect(), defaults.request(), defaults.export(), receiveTimeout);
  }

  private static void atLeastOneSecond(Duration value, String setting) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(setting + " must be at least 1s, was " + value);
    }
  }

  private static void requireBetween(int value, int min, int max, String setting) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          setting + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
