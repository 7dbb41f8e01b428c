package dev.argus.contract.camera;

import java.time.Instant;

/**
 * One JPEG captured for an event, bounded in size by the collector (at most 640 pixels wide by
 * default). On the wire the bytes are base64.
 */
public record CapturedFrame(Instant capturedAt, int width, int height, byte[] jpeg) {

  public CapturedFrame {
    if (jpeg == null || jpeg.length == 0) {
      throw new IllegalArgumentException("a captured frame needs its JPEG bytes");
    }
  }
}
