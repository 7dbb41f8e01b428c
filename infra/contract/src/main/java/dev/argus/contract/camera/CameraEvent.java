package dev.argus.contract.camera;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event the processor raised from a motion reading (after cooldown and de-duplication), on
 * {@code argus.camera.events} (key: camera UUID). It carries its frames so that the describer needs
 * nothing but this record.
 *
 * @param eventId {@link #idFor} of the reading: a replay raises the same event
 * @param objects what the detector found ({@link MotionReading#objects}), after the camera's smart
 *     detection types filtered them; the AI description's objects are kept apart, in {@link
 *     EventDescription#objects}
 * @param detector {@link MotionReading#detector}
 */
public record CameraEvent(
    String eventId,
    String readingId,
    String cameraId,
    String cameraName,
    Instant occurredAt,
    String source,
    String detectionType,
    double score,
    RelativeBox box,
    List<CapturedFrame> frames,
    byte[] thumbnail,
    String analysisMode,
    String promptOverride,
    List<String> smartDetectionTypes,
    List<DetectedObject> objects,
    String detector) {

  public CameraEvent {
    if (eventId == null || cameraId == null || occurredAt == null) {
      throw new IllegalArgumentException("event_id, camera_id and occurred_at are required");
    }
    frames = frames == null ? List.of() : List.copyOf(frames);
    objects = objects == null ? List.of() : List.copyOf(objects);
    smartDetectionTypes =
        smartDetectionTypes == null ? List.of() : List.copyOf(smartDetectionTypes);
  }

  /** The event id derived from a motion reading's id: the same reading always names one event. */
  public static String idFor(String readingId) {
    return UUID.nameUUIDFromBytes(
            ("camera-event:" + readingId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
