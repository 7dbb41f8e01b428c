package dev.argus.processor.camera;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.events.DerivedEvent;
import java.util.Objects;

/**
 * What {@link CameraTopology} needs to know: its topics and the bound of its de-duplication memory.
 * Plain data, so the topology can be built and tested without Spring or a broker. The cooldown and
 * the smart detection types travel with each reading, so they are not settings here.
 *
 * @param rememberedReadings per camera, how many ids of readings that raised an event are kept to
 *     recognise a reading seen again; the oldest go first
 */
public record CameraSettings(
    Topic<String, MotionReading> readings,
    Topic<String, CameraEvent> cameraEvents,
    Topic<String, CameraStatus> statuses,
    Topic<String, DerivedEvent> events,
    int rememberedReadings) {

  public static final int DEFAULT_REMEMBERED_READINGS = 100;

  public CameraSettings {
    Objects.requireNonNull(readings, "readings topic is required");
    Objects.requireNonNull(cameraEvents, "camera events topic is required");
    Objects.requireNonNull(statuses, "statuses topic is required");
    Objects.requireNonNull(events, "events topic is required");
    if (rememberedReadings < 1) {
      throw new IllegalArgumentException(
          "rememberedReadings must be at least 1, was " + rememberedReadings);
    }
  }

  /** The catalog's topics and the default bound. */
  public static CameraSettings defaults() {
    return new CameraSettings(
        Topics.READINGS_CAMERA,
        Topics.CAMERA_EVENTS,
        Topics.CAMERA_STATUS,
        Topics.EVENTS,
        DEFAULT_REMEMBERED_READINGS);
  }
}
