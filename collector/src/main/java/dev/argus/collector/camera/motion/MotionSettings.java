package dev.argus.collector.camera.motion;

import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.DetectionZone;
import java.util.List;

/**
 * What a camera's configuration says about motion: how much change counts, where, and when. Built
 * from the {@link CameraConfig} on every change; it replaces the detector's without resetting its
 * background.
 */
public record MotionSettings(
    MotionSensitivity sensitivity, List<DetectionZone> zones, DetectionWindow window) {

  public MotionSettings {
    zones = List.copyOf(zones);
  }

  /**
   * @throws IllegalArgumentException naming the field when the sensitivity or the schedule is
   *     invalid
   */
  public static MotionSettings of(CameraConfig camera) {
    return new MotionSettings(
        MotionSensitivity.fromWire(camera.motionSensitivity()),
        camera.zones(),
        DetectionWindow.of(camera.schedule()));
  }
}
