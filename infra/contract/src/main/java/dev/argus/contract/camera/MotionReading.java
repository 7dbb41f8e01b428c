package dev.argus.contract.camera;

import dev.argus.contract.WireIds;
import java.time.Instant;
import java.util.List;

/**
 * Motion seen by a collector's camera worker, on {@code argus.readings.camera} (key: camera UUID),
 * with the frames the camera's analysis mode asks for. The camera settings that decide what becomes
 * an event travel with it, as the collector knew them, so the processor needs no other input.
 *
 * @param readingId unique per detection (a UUID); the event derived from it is named after it, so a
 *     replay derives the same event
 * @param source {@code motion} (frame difference) or {@code protect} (a controller's event)
 * @param detectionType what the source already knows: {@code motion}, or a smart detection type
 *     ({@code person}, {@code vehicle}, {@code animal}, {@code package}, {@code ring})
 * @param score the fraction of watched pixels that changed (0..1)
 * @param box where the change is, relative; null when unknown
 * @param thumbnail a small JPEG (at most 320 pixels wide) of the first frame
 * @param objects what a detector found in the frames (the collector's CPU detector, or the Protect
 *     controller's smart detection), each type at most once per frame; empty when no detector ran
 *     or it found nothing
 * @param detector which detector typed the reading ({@link DetectionTypes#DETECTOR_CENTERNET},
 *     {@link DetectionTypes#DETECTOR_PROTECT}); null when none did (the type then comes from the AI
 *     description)
 */
public record MotionReading(
    String readingId,
    String cameraId,
    String cameraName,
    String collectorId,
    Instant at,
    String source,
    String detectionType,
    double score,
    RelativeBox box,
    List<CapturedFrame> frames,
    byte[] thumbnail,
    String analysisMode,
    int motionCooldownSeconds,
    List<String> smartDetectionTypes,
    String promptOverride,
    List<DetectedObject> objects,
    String detector) {

  public MotionReading {
    if (readingId == null || readingId.isBlank() || cameraId == null || at == null) {
      throw new IllegalArgumentException("reading_id, camera_id and at are required");
    }
    WireIds.requireStorable("reading_id", readingId);
    WireIds.requireStorable("camera_id", cameraId);
    frames = frames == null ? List.of() : List.copyOf(frames);
    objects = objects == null ? List.of() : List.copyOf(objects);
    smartDetectionTypes =
        smartDetectionTypes == null ? List.of() : List.copyOf(smartDetectionTypes);
  }
}
