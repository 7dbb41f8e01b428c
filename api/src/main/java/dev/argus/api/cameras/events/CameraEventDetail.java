package dev.argus.api.cameras.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One camera event with its pictures (base64 JPEG), its newest description with the provider,
 * tokens, cost and timings, and every description it had ({@code history}, oldest first).
 */
@Schema(name = "CameraEventDetail")
record CameraEventDetail(
    @JsonProperty("id") UUID id,
    @JsonProperty("reading_id") String readingId,
    @JsonProperty("camera_id") UUID cameraId,
    @Schema(nullable = true) @JsonProperty("camera_name") String cameraName,
    @JsonProperty("occurred_at") Instant occurredAt,
    @JsonProperty("detection_type") String detectionType,
    @Schema(nullable = true) @JsonProperty("score") Double score,
    @Schema(nullable = true, description = "Where the motion was") @JsonProperty("box")
        CameraEventObject.Box box,
    @JsonProperty("source") String source,
    @Schema(nullable = true) @JsonProperty("analysis_mode") String analysisMode,
    @Schema(nullable = true, description = "A small JPEG, base64") @JsonProperty("thumbnail")
        String thumbnail,
    @JsonProperty("frames") List<Frame> frames,
    @Schema(nullable = true) @JsonProperty("description") String description,
    @JsonProperty("description_status") String descriptionStatus,
    @Schema(nullable = true) @JsonProperty("description_error") String descriptionError,
    @JsonProperty("objects") List<CameraEventObject> objects,
    @Schema(
            nullable = true,
            description =
                "What detected the objects: centernet (the CPU detector), protect (the"
                    + " controller's smart detection), or null (none: the AI description typed it)")
        @JsonProperty("detector")
        String detector,
    @Schema(description = "What the detector found, apart from the AI description's objects")
        @JsonProperty("detected_objects")
        List<CameraEventObject> detectedObjects,
    @Schema(nullable = true) @JsonProperty("provider") String provider,
    @Schema(nullable = true) @JsonProperty("model") String model,
    @Schema(nullable = true) @JsonProperty("input_tokens") Integer inputTokens,
    @Schema(nullable = true) @JsonProperty("output_tokens") Integer outputTokens,
    @Schema(nullable = true) @JsonProperty("cost_usd") Double costUsd,
    @JsonProperty("timings") Timings timings,
    @JsonProperty("history") List<Description> history) {

  /** A captured frame. */
  @Schema(name = "CameraEventFrame")
  record Frame(
      @JsonProperty("index") int index,
      @JsonProperty("captured_at") Instant capturedAt,
      @JsonProperty("width") int width,
      @JsonProperty("height") int height,
      @Schema(description = "The JPEG's size in bytes") @JsonProperty("size_bytes") int sizeBytes,
      @Schema(description = "The JPEG, base64") @JsonProperty("jpeg") String jpeg) {}

  /**
   * When things happened.
   *
   * @param aiLatencyMs the describer's time from its first attempt to the answer
   */
  @Schema(name = "CameraEventTimings")
  record Timings(
      @JsonProperty("occurred_at") Instant occurredAt,
      @Schema(description = "When the processor stored the event") @JsonProperty("stored_at")
          Instant storedAt,
      @Schema(nullable = true) @JsonProperty("described_at") Instant describedAt,
      @Schema(nullable = true) @JsonProperty("ai_latency_ms") Long aiLatencyMs,
      @Schema(nullable = true, description = "From the motion to the description")
          @JsonProperty("description_delay_ms")
          Long descriptionDelayMs) {}

  /** One description of the event's history. */
  @Schema(name = "CameraEventDescription")
  record Description(
      @JsonProperty("id") UUID id,
      @JsonProperty("described_at") Instant describedAt,
      @Schema(description = "described, failed or paused") @JsonProperty("outcome") String outcome,
      @Schema(nullable = true) @JsonProperty("description") String description,
      @Schema(nullable = true) @JsonProperty("detection_type") String detectionType,
      @JsonProperty("objects") List<CameraEventObject> objects,
      @Schema(nullable = true) @JsonProperty("provider") String provider,
      @Schema(nullable = true) @JsonProperty("model") String model,
      @Schema(nullable = true) @JsonProperty("input_tokens") Integer inputTokens,
      @Schema(nullable = true) @JsonProperty("output_tokens") Integer outputTokens,
      @Schema(nullable = true) @JsonProperty("cost_usd") Double costUsd,
      @Schema(nullable = true) @JsonProperty("latency_ms") Long latencyMs,
      @Schema(description = "Every provider tried, in order, with what happened")
          @JsonProperty("attempts")
          List<String> attempts,
      @Schema(nullable = true) @JsonProperty("error") String error,
      @JsonProperty("reanalysis") boolean reanalysis) {}
}
