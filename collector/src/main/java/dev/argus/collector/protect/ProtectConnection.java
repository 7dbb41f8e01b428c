package dev.argus.collector.protect;

import dev.argus.protect.ProtectException;
import java.time.Instant;

/**
 * A running session to one controller and the media it serves. Opened by a {@link
 * ProtectConnector}; closing it ends the session and logs out of nothing (the controller forgets
 * the cookie by itself).
 */
public interface ProtectConnection extends AutoCloseable {

  /** A JPEG of the camera at (about) {@code at}. */
  byte[] snapshot(String cameraId, Instant at) throws ProtectException;

  /** An MP4 clip of the camera between the two instants. */
  byte[] exportClip(String cameraId, Instant start, Instant end) throws ProtectException;

  /** The {@code newUpdateId} of the last update read; null before the first. */
  default String lastUpdateId() {
    return null;
  }

  /** Ends the session; bounded, never throws. */
  @Override
  void close();
}
