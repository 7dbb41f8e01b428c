package dev.argus.api.ai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A camera event as the sink stored it, with what a re-analysis needs: its frames (JPEGs in order),
 * its thumbnail, and the camera's prompt override (from {@code cameras}, null when none or the
 * camera is gone).
 */
record StoredEvent(
    UUID id,
    UUID cameraId,
    String cameraName,
    Instant occurredAt,
    List<byte[]> frames,
    byte[] thumbnail,
    String promptOverride) {

  StoredEvent {
    frames = List.copyOf(frames);
  }
}
