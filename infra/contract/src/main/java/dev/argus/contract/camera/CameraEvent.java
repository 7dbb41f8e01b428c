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
    List<String> smartDetectionTypes) {

  public CameraEvent {
    if (eventId == null || cameraId == null || occurredAt == null) {
      throw new IllegalArgumentException("event_id, camera_id and occurred_at are required");
    }
    frames = frames == null ? List.of() : List.copyOf(frames);
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
