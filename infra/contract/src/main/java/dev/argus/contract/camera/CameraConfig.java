package dev.argus.contract.camera;

import java.util.List;
import java.util.Map;

/**
 * A camera as managed through {@code /api/v1/cameras}, published under {@link
 * dev.argus.contract.config.ConfigKeys#camera}. A collector runs a worker for it while it is both
 * {@code enabled} and {@code started} (start/stop toggle the latter) and assigned to it.
 *
 * @param id the camera's UUID
 * @param type {@code rtsp}, {@code mjpeg}, {@code snapshot}, {@code usb} or {@code protect}
 * @param rtspUrl rtsp: the stream, without credentials
 * @param transport rtsp: {@code tcp} or {@code udp}
 * @param url mjpeg: the multipart stream; snapshot: the JPEG
 * @param snapshotIntervalSeconds snapshot: how often the JPEG is fetched
 * @param devicePath usb: e.g. {@code /dev/video0}
 * @param username the camera's user name, if it needs one (not secret)
 * @param credentials secrets only ({@code password}), each value encrypted with the system's secret
 *     cipher ({@code enc:…}, context {@link dev.argus.contract.secrets.SecretContext#cameraField});
 *     collectors decrypt them
 * @param analysisFps frames per second analysed for motion
 * @param motionSensitivity {@code low}, {@code medium} or {@code high}
 * @param motionCooldownSeconds after an event, motion of this camera raises no new event for this
 *     long
 * @param analysisMode {@code single_frame} or {@code multi_frame}
 * @param frameCount multi_frame: frames captured per event (1..10)
 * @param smartDetectionTypes the detection types that raise events; empty means all
 * @param promptOverride replaces the default description prompt; null for the default
 * @param collector the collector that runs it; null for any collector that accepts unassigned work
 * @param protectControllerId protect: the controller's UUID (the collector that runs that
 *     controller's session reads this camera's events)
 * @param protectCameraId protect: the camera's id on the controller
 */
public record CameraConfig(
    String id,
    String name,
    String type,
    boolean enabled,
    boolean started,
    String rtspUrl,
    String transport,
    String url,
    Integer snapshotIntervalSeconds,
    String devicePath,
    String username,
    Map<String, String> credentials,
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
    String protectControllerId,
    String protectCameraId) {

  public CameraConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("type is required");
    }
    credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    zones = zones == null ? List.of() : List.copyOf(zones);
    smartDetectionTypes =
        smartDetectionTypes == null ? List.of() : List.copyOf(smartDetectionTypes);
  }

  /** Whether a collector should be capturing from it now. */
  public boolean shouldRun() {
    return enabled && started;
  }
}
