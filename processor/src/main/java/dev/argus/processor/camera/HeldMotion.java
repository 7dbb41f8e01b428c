package dev.argus.processor.camera;

import dev.argus.contract.camera.MotionReading;
import java.time.Instant;

/**
 * A Protect pure-motion reading held back in the {@value CameraTopology#HELD_MOTION_STORE} store
 * (JSON with its frames, key: {@link #key}) until a smart detection of the same moment hides it or
 * its hold has passed.
 *
 * @param heldAt the processor's wall-clock time when it arrived; it is released once {@link
 *     CameraSettings#protectMotionHold()} has passed since
 */
public record HeldMotion(MotionReading reading, Instant heldAt) {

  /** The store key: the camera first, so that one camera's held readings are one prefix. */
  static String key(MotionReading reading) {
    return prefix(reading.cameraId()) + reading.readingId();
  }

  static String prefix(String cameraId) {
    return cameraId + "/";
  }
}
