package dev.argus.api.ai;

import dev.argus.contract.camera.DetectedObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A camera event as the sink stored it, with what a re-analysis needs: its frames (JPEGs in order),
 * its thumbnail, the camera's prompt override (from {@code cameras}, null when none or the camera
 * is gone), and what its detector found ({@code detector}, {@code detector_objects}).
 */
record StoredEvent(
    UUID id,
    UUID cameraId,
    String cameraName,
    Instant occurredAt,
    List<byte[]> frames,
    byte[] thumbnail,
    String promptOverride,
    String detector,
    List<DetectedObject> detectedObjects) {

  StoredEvent {
    frames = List.copyOf(frames);
    detectedObjects = List.copyOf(detectedObjects);
  }
}
