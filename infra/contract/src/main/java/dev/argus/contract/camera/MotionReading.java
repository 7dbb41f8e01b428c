package dev.argus.contract.camera;

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
    String promptOverride) {

  public MotionReading {
    if (readingId == null || readingId.isBlank() || cameraId == null || at == null) {
      throw new IllegalArgumentException("reading_id, camera_id and at are required");
    }
    frames = frames == null ? List.of() : List.copyOf(frames);
    smartDetectionTypes =
        smartDetectionTypes == null ? List.of() : List.copyOf(smartDetectionTypes);
  }
}
