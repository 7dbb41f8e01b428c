package dev.argus.api.cameras;

import dev.argus.api.system.settings.SystemSettings;

/**
 * The defaults of {@code camera_settings} for what a camera body leaves out (motion and analysis),
 * editable through the system settings.
 */
record CameraDefaults(
    String motionSensitivity, int motionCooldownSeconds, String analysisMode, int frameCount) {

  /** The camera part of the system settings now in force. */
  static CameraDefaults of(SystemSettings settings) {
    return new CameraDefaults(
        settings.defaultMotionSensitivity(),
        settings.defaultMotionCooldownSeconds(),
        settings.defaultAnalysisMode(),
        settings.defaultFrameCount());
  }
}
