package dev.argus.contract.camera;

import java.time.Instant;

/**
 * A camera worker's state on the compacted {@code argus.camera.status} (key: camera UUID): sent
 * when the state changes and every status interval while it runs.
 *
 * @param state {@code online}, {@code offline}, {@code error} or {@code stopped} ({@link
 *     CameraState#wireName})
 * @param reason why it is offline or in error (e.g. {@code 401 Unauthorized}, {@code connection
 *     refused}); null when online
 * @param fps frames per second measured over the last interval; null when none arrived
 * @param width the stream's width in pixels, when known
 * @param codec the stream's codec as the decoder names it (e.g. {@code h264}, {@code mjpeg})
 * @param detector the detector that types this camera's events ({@link
 *     DetectionTypes#DETECTOR_CENTERNET} on the collector's CPU, {@link
 *     DetectionTypes#DETECTOR_PROTECT} for a Protect camera); null when its events are typed from
 *     the AI description
 */
public record CameraStatus(
    String cameraId,
    String cameraName,
    String collectorId,
    String state,
    String reason,
    Double fps,
    Integer width,
    Integer height,
    String codec,
    Instant at,
    String detector) {

  public CameraStatus {
    if (cameraId == null || cameraId.isBlank() || state == null || at == null) {
      throw new IllegalArgumentException("camera_id, state and at are required");
    }
  }
}
