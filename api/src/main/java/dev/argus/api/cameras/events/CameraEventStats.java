package dev.argus.api.cameras.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Counts of the events in a time range: per camera, per detection type and per hour or day. */
@Schema(name = "CameraEventStats")
record CameraEventStats(
    @JsonProperty("start") Instant start,
    @JsonProperty("end") Instant end,
    @Schema(description = "hour or day (UTC)") @JsonProperty("bucket") String bucket,
    @JsonProperty("total") long total,
    @Schema(description = "Most events first") @JsonProperty("by_camera")
        List<CameraCount> byCamera,
    @Schema(description = "Most events first") @JsonProperty("by_detection_type")
        List<TypeCount> byDetectionType,
    @Schema(description = "Oldest first; buckets without events are left out")
        @JsonProperty("by_time")
        List<TimeCount> byTime) {

  @Schema(name = "CameraEventCameraCount")
  record CameraCount(
      @JsonProperty("camera_id") UUID cameraId,
      @Schema(nullable = true) @JsonProperty("camera_name") String cameraName,
      @JsonProperty("count") long count) {}

  @Schema(name = "CameraEventTypeCount")
  record TypeCount(
      @JsonProperty("detection_type") String detectionType, @JsonProperty("count") long count) {}

  @Schema(name = "CameraEventTimeCount")
  record TimeCount(@JsonProperty("start") Instant start, @JsonProperty("count") long count) {}
}
