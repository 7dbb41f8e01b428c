package dev.argus.api.cameras;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.camera.source.ConnectionResult;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code POST /api/v1/cameras/test}: {@code success: false} with the reason when the
 * camera failed (refused, timeout, 401, 404, not a picture), never an HTTP error.
 */
@Schema(name = "CameraTestResult")
record CameraTestResult(
    @JsonProperty("success") boolean success,
    @JsonProperty("message") String message,
    @Schema(nullable = true, description = "e.g. 1280x720") @JsonProperty("resolution")
        String resolution,
    @Schema(nullable = true, description = "The stream's frame rate, when it states one")
        @JsonProperty("fps")
        Double fps,
    @Schema(nullable = true, description = "e.g. h264, mjpeg, jpeg") @JsonProperty("codec")
        String codec,
    @Schema(nullable = true, description = "A small JPEG of the first frame, base64")
        @JsonProperty("thumbnail")
        String thumbnail) {

  static CameraTestResult of(ConnectionResult result) {
    return new CameraTestResult(
        result.success(),
        result.message() == null ? (result.success() ? "connected" : "failed") : result.message(),
        result.resolution(),
        result.fps(),
        result.codec(),
        result.thumbnail());
  }

  static CameraTestResult failure(String message) {
    return new CameraTestResult(false, message, null, null, null, null);
  }
}
