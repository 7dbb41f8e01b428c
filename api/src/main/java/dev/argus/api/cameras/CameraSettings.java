package dev.argus.api.cameras;

import dev.argus.contract.camera.DetectionSchedule;
import dev.argus.contract.camera.DetectionZone;
import java.util.List;
import java.util.UUID;

/**
 * A camera's settings as stored: checked, defaults applied, and only the fields of its type set (an
 * RTSP camera has no {@code url}, a snapshot camera no {@code rtsp_url}, only a protect camera
 * names a Protect controller and the controller's camera).
 */
record CameraSettings(
    String name,
    String type,
    boolean enabled,
    String rtspUrl,
    String transport,
    String url,
    int snapshotIntervalSeconds,
    String devicePath,
    String username,
    double analysisFps,
    String motionSensitivity,
    int motionCooldownSeconds,
    List<DetectionZone> zones,
    DetectionSchedule schedule,
    String analysisMode,
    int frameCount,
    List<String> smartDetectionTypes,
    String promptOverride,
    String collector,
    UUID protectControllerId,
    String protectCameraId) {

  CameraSettings {
    zones = List.copyOf(zones);
    smartDetectionTypes = List.copyOf(smartDetectionTypes);
  }

  /** Where the frames come from, as the camera source reads it. */
  String source() {
    return switch (type) {
      case "rtsp" -> rtspUrl;
      case "usb" -> devicePath;
      case "protect" -> protectCameraId;
      default -> url;
    };
  }
}
