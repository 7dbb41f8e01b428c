package dev.argus.processor.camera;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.events.DerivedEvent;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link CameraTopology} needs to know: its topics, the bound of its de-duplication memory and
 * how long a Protect motion waits for a smart detection of the same moment. Plain data, so the
 * topology can be built and tested without Spring or a broker. The cooldown and the smart detection
 * types travel with each reading, so they are not settings here.
 *
 * @param config the compacted {@code argus.config}, for the camera alert rules
 * @param rememberedReadings per camera, how many ids of readings that raised an event are kept to
 *     recognise a reading seen again; the oldest go first
 * @param protectMotionHold how long a Protect pure-motion reading is held back: a smart detection
 *     (or ring) of the same camera within this much reading time of it hides it; without one it is
 *     judged (and may become an event) once this much wall-clock time has passed since it arrived,
 *     or as soon as a later reading of the camera is more than this much newer
 */
public record CameraSettings(
    Topic<String, MotionReading> readings,
    Topic<String, CameraEvent> cameraEvents,
    Topic<String, CameraStatus> statuses,
    Topic<String, DerivedEvent> events,
    Topic<String, ConfigEntry> config,
    int rememberedReadings,
    Duration protectMotionHold) {

  public static final int DEFAULT_REMEMBERED_READINGS = 100;

  /**
   * Protect sends a smart detection about a second after the motion of the same moment; the
   * collector fetches a snapshot for each before publishing, so 3 s covers both and the jitter.
   */
  public static final Duration DEFAULT_PROTECT_MOTION_HOLD = Duration.ofSeconds(3);

  static final Duration LONGEST_PROTECT_MOTION_HOLD = Duration.ofMinutes(1);

  public CameraSettings {
    Objects.requireNonNull(readings, "readings topic is required");
    Objects.requireNonNull(cameraEvents, "camera events topic is required");
    Objects.requireNonNull(statuses, "statuses topic is required");
    Objects.requireNonNull(events, "events topic is required");
    Objects.requireNonNull(config, "config topic is required");
    if (rememberedReadings < 1) {
      throw new IllegalArgumentException(
          "rememberedReadings must be at least 1, was " + rememberedReadings);
    }
    Objects.requireNonNull(protectMotionHold, "protectMotionHold is required");
    if (protectMotionHold.isNegative()
        || protectMotionHold.isZero()
        || protectMotionHold.compareTo(LONGEST_PROTECT_MOTION_HOLD) > 0) {
      throw new IllegalArgumentException(
          "protectMotionHold must be more than 0 and at most 1 minute, was " + protectMotionHold);
    }
  }

  /** The catalog's topics and the default bounds. */
  public static CameraSettings defaults() {
    return new CameraSettings(
        Topics.READINGS_CAMERA,
        Topics.CAMERA_EVENTS,
        Topics.CAMERA_STATUS,
        Topics.EVENTS,
        Topics.CONFIG,
        DEFAULT_REMEMBERED_READINGS,
        DEFAULT_PROTECT_MOTION_HOLD);
  }

  /** These settings with another bound of the de-duplication memory. */
  public CameraSettings withRememberedReadings(int remembered) {
    return new CameraSettings(
        readings, cameraEvents, statuses, events, config, remembered, protectMotionHold);
  }

  /** These settings with another Protect motion hold. */
  public CameraSettings withProtectMotionHold(Duration hold) {
    return new CameraSettings(
        readings, cameraEvents, statuses, events, config, rememberedReadings, hold);
  }
}
