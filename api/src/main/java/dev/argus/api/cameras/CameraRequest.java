package dev.argus.api.cameras;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/cameras}, {@code POST /api/v1/cameras/test} and {@code PUT
 * /api/v1/cameras/{id}} (where only the fields present change). Every field may be left out: the
 * type's required ones are checked by {@link CameraRules}, the rest take their defaults (some from
 * {@code camera_settings}).
 */
@Schema(name = "CameraRequest")
record CameraRequest(
    @Schema(description = "1-200 characters, unique (case-insensitive)") @JsonProperty("name")
        String name,
    @Schema(description = "rtsp, mjpeg, snapshot, usb or protect") @JsonProperty("type")
        String type,
    @Schema(description = "Default true") @JsonProperty("enabled") Boolean enabled,
    @Schema(description = "rtsp: rtsp:// or rtsps://, without credentials")
        @JsonProperty("rtsp_url")
        String rtspUrl,
    @Schema(description = "rtsp: tcp (default) or udp") @JsonProperty("transport") String transport,
    @Schema(description = "mjpeg: the multipart stream; snapshot: the JPEG (http or https)")
        @JsonProperty("url")
        String url,
    @Schema(description = "snapshot: seconds between fetches, at least 1 (default 1)")
        @JsonProperty("snapshot_interval_seconds")
        Integer snapshotIntervalSeconds,
    @Schema(description = "usb: /dev/video<N>") @JsonProperty("device_path") String devicePath,
    @Schema(description = "Not for protect cameras (their controller has the credentials)")
        @JsonProperty("username")
        String username,
    @Schema(
            description =
                "Write only: stored encrypted, never returned (see has_password). In a PUT: left"
                    + " out keeps the stored one, null or \"\" removes it")
        @JsonProperty("password")
        String password,
    @Schema(
            description =
                "Frames per second analysed for motion, 0.2-30 (default 5). Unused by protect"
                    + " cameras, whose controller detects motion; as are motion_sensitivity and"
                    + " detection_zones")
        @JsonProperty("analysis_fps")
        Double analysisFps,
    @Schema(description = "low, medium or high (default from the camera settings)")
        @JsonProperty("motion_sensitivity")
        String motionSensitivity,
    @Schema(description = "0-86400 (default from the camera settings, 60)")
        @JsonProperty("motion_cooldown_seconds")
        Integer motionCooldownSeconds,
    @Schema(description = "Where motion counts; empty: the whole picture. At most 16")
        @JsonProperty("detection_zones")
        List<Zone> detectionZones,
    @Schema(description = "When motion is looked for; null: always")
        @JsonProperty("detection_schedule")
        Schedule detectionSchedule,
    @Schema(description = "single_frame or multi_frame (default from the camera settings)")
        @JsonProperty("analysis_mode")
        String analysisMode,
    @Schema(description = "Frames per event in multi_frame mode, 1-10") @JsonProperty("frame_count")
        Integer frameCount,
    @Schema(description = "Subset of person, vehicle, animal, package, motion, ring; empty: all")
        @JsonProperty("smart_detection_types")
        List<String> smartDetectionTypes,
    @Schema(description = "Replaces the description prompt for this camera; at most 4000")
        @JsonProperty("prompt_override")
        String promptOverride,
    @Schema(description = "The collector that runs it; null: any that takes unassigned work")
        @JsonProperty("collector")
        String collector,
    @Schema(description = "protect: the controller (GET /api/v1/protect/controllers)")
        @JsonProperty("protect_controller_id")
        UUID protectControllerId,
    @Schema(description = "protect: the controller's id of the camera (…/controllers/{id}/cameras)")
        @JsonProperty("protect_camera_id")
        String protectCameraId) {

  /**
   * A polygon of the picture where motion counts, in relative coordinates.
   *
   * @param polygon 3-64 points
   */
  @Schema(name = "CameraDetectionZone")
  record Zone(
      @JsonProperty("name") String name,
      @JsonProperty("polygon") List<Point> polygon,
      @Schema(description = "Default true") @JsonProperty("enabled") Boolean enabled) {}

  /** A vertex: 0..1 from the left ({@code x}) and from the top ({@code y}). */
  @Schema(name = "CameraZonePoint")
  record Point(@JsonProperty("x") Double x, @JsonProperty("y") Double y) {}

  /**
   * When motion is looked for; an end before the start spans midnight.
   *
   * @param days mon … sun; empty: every day
   */
  @Schema(name = "CameraDetectionSchedule")
  record Schedule(
      @Schema(description = "Default true") @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("days") List<String> days,
      @Schema(description = "HH:mm") @JsonProperty("start_time") String startTime,
      @Schema(description = "HH:mm") @JsonProperty("end_time") String endTime,
      @Schema(description = "An IANA zone id, default UTC") @JsonProperty("timezone")
          String timezone) {}
}
