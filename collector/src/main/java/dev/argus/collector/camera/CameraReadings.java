package dev.argus.collector.camera;

import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;

/**
 * Where camera workers hand what they observe: statuses for {@code argus.camera.status} and motion
 * readings for {@code argus.readings.camera}, both keyed by camera id. Implementations never throw
 * for a failed send (they count it), and may be called from many workers at once.
 */
public interface CameraReadings {

  void status(CameraStatus status);

  void motion(MotionReading reading);
}
