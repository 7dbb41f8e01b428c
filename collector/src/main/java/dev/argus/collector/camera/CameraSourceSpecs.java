package dev.argus.collector.camera;

import dev.argus.camera.source.SourceSpec;
import dev.argus.contract.camera.CameraConfig;
import java.time.Duration;
import java.util.Locale;

/** Where a camera's frames come from, by its type. */
public final class CameraSourceSpecs {

  /** Controllers push their events; no frame source reads them (a later issue). */
  public static final String PROTECT = "protect";

  private CameraSourceSpecs() {}

  /**
   * @param password the camera's password in the clear, or null
   * @throws IllegalArgumentException naming the field when the type cannot be read by a frame
   *     source or lacks its address
   */
  public static SourceSpec of(CameraConfig camera, String password) {
    String type = camera.type().trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "rtsp" ->
          new SourceSpec(
              type,
              required(camera.rtspUrl(), "rtsp_url"),
              camera.transport() == null ? "tcp" : camera.transport(),
              camera.username(),
              password,
              null);
      case "mjpeg" ->
          new SourceSpec(
              type, required(camera.url(), "url"), null, camera.username(), password, null);
      case "snapshot" ->
          new SourceSpec(
              type,
              required(camera.url(), "url"),
              null,
              camera.username(),
              password,
              Duration.ofSeconds(
                  camera.snapshotIntervalSeconds() == null
                      ? 1
                      : Math.max(1, camera.snapshotIntervalSeconds())));
      case "usb" ->
          new SourceSpec(
              type, required(camera.devicePath(), "device_path"), null, null, null, null);
      default ->
          throw new IllegalArgumentException(
              "type '"
                  + camera.type()
                  + "' is not read by a camera worker (rtsp, mjpeg, snapshot, usb)");
    };
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required for this camera type");
    }
    return value.trim();
  }
}
