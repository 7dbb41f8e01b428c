package dev.argus.api.system.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.camera.DetectionTypes;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What types camera events now, from the newest {@code camera_status.detector} of each camera (the
 * collector reports {@code centernet} while its CPU detector runs for a camera, {@code protect} for
 * a Protect camera, nothing when the AI description types the events).
 *
 * @param detector {@code centernet} when the CPU detector is active for at least one camera, else
 *     null
 * @param typing {@code detector} (every non-Protect camera has the detector), {@code ai} (none has
 *     it: the AI description types their events), {@code mixed}, {@code none} (no camera besides
 *     Protect ones) or {@code unknown} (the database is unavailable)
 * @param camerasWithDetector cameras whose newest status names the CPU detector
 * @param camerasTypedByAi cameras (not Protect) whose newest status names no detector, or that have
 *     not reported yet
 * @param protectCameras cameras of type protect: the controller's smart detections type them
 */
@Schema(name = "DetectionStatus")
public record DetectionSummary(
    @Schema(nullable = true, description = "centernet, or null") @JsonProperty("detector")
        String detector,
    @Schema(allowableValues = {"detector", "ai", "mixed", "none", "unknown"})
        @JsonProperty("typing")
        String typing,
    @JsonProperty("detail") String detail,
    @JsonProperty("cameras_with_detector") long camerasWithDetector,
    @JsonProperty("cameras_typed_by_ai") long camerasTypedByAi,
    @JsonProperty("protect_cameras") long protectCameras) {

  public static DetectionSummary of(long withDetector, long typedByAi, long protect) {
    String typing;
    if (withDetector == 0 && typedByAi == 0) {
      typing = "none";
    } else if (typedByAi == 0) {
      typing = "detector";
    } else if (withDetector == 0) {
      typing = "ai";
    } else {
      typing = "mixed";
    }
    String detail =
        withDetector
            + " camera(s) typed by the CPU detector ("
            + DetectionTypes.DETECTOR_CENTERNET
            + "), "
            + typedByAi
            + " by the AI description, "
            + protect
            + " Protect camera(s) by their controller";
    return new DetectionSummary(
        withDetector > 0 ? DetectionTypes.DETECTOR_CENTERNET : null,
        typing,
        detail,
        withDetector,
        typedByAi,
        protect);
  }

  public static DetectionSummary unknown(String why) {
    return new DetectionSummary(null, "unknown", why, 0, 0, 0);
  }
}
