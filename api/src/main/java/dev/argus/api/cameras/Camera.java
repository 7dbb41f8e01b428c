package dev.argus.api.cameras;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A camera as the api shows it: the password never, only whether one is stored. */
@Schema(name = "Camera")
record Camera(
    @JsonProperty("id") UUID id,
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("enabled") boolean enabled,
    @Schema(description = "Set by start and stop; a collector runs it while enabled and started")
        @JsonProperty("started")
        boolean started,
    @Schema(nullable = true) @JsonProperty("rtsp_url") String rtspUrl,
    @JsonProperty("transport") String transport,
    @Schema(nullable = true) @JsonProperty("url") String url,
    @JsonProperty("snapshot_interval_seconds") int snapshotIntervalSeconds,
    @Schema(nullable = true) @JsonProperty("device_path") String devicePath,
    @Schema(nullable = true) @JsonProperty("username") String username,
    @JsonProperty("has_password") boolean hasPassword,
    @JsonProperty("analysis_fps") double analysisFps,
    @JsonProperty("motion_sensitivity") String motionSensitivity,
    @JsonProperty("motion_cooldown_seconds") int motionCooldownSeconds,
    @JsonProperty("detection_zones") List<CameraRequest.Zone> detectionZones,
    @Schema(nullable = true) @JsonProperty("detection_schedule")
        CameraRequest.Schedule detectionSchedule,
    @JsonProperty("analysis_mode") String analysisMode,
    @JsonProperty("frame_count") int frameCount,
    @JsonProperty("smart_detection_types") List<String> smartDetectionTypes,
    @Schema(nullable = true) @JsonProperty("prompt_override") String promptOverride,
    @Schema(nullable = true) @JsonProperty("collector") String collector,
    @Schema(nullable = true, description = "protect: the Protect controller")
        @JsonProperty("protect_controller_id")
        UUID protectControllerId,
    @Schema(nullable = true, description = "protect: the controller's id of the camera")
        @JsonProperty("protect_camera_id")
        String protectCameraId,
    @Schema(nullable = true, description = "The newest status a collector reported; null before")
        @JsonProperty("status")
        Status status,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /**
   * The newest status of the camera's worker, as the processor stored it from {@code
   * argus.camera.status}.
   *
   * @param state online, offline, error or stopped
   * @param reason why it is offline or in error
   * @param fps frames per second measured over the last interval
   * @param resolution e.g. 1280x720, when known
   */
  @Schema(name = "CameraStatus")
  record Status(
      @JsonProperty("state") String state,
      @Schema(nullable = true) @JsonProperty("reason") String reason,
      @Schema(nullable = true) @JsonProperty("fps") Double fps,
      @Schema(nullable = true) @JsonProperty("resolution") String resolution,
      @Schema(nullable = true) @JsonProperty("codec") String codec,
      @Schema(nullable = true) @JsonProperty("collector_id") String collectorId,
      @JsonProperty("updated_at") Instant updatedAt) {}
}
