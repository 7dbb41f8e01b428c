package dev.argus.api.cameras;

/**
 * The defaults of {@code camera_settings} for what a camera body leaves out (motion and analysis),
 * editable through the system settings.
 */
record CameraDefaults(
    String motionSensitivity, int motionCooldownSeconds, String analysisMode, int frameCount) {

  /** When the settings row is missing (it is created by the migration). */
  static final CameraDefaults BUILT_IN = new CameraDefaults("medium", 60, "single_frame", 3);
}
