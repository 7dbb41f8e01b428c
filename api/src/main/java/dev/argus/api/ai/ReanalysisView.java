package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.camera.EventDescription;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The new description of a re-analysed event, as published to argus.camera.descriptions. */
@Schema(name = "EventReanalysis")
record ReanalysisView(
    @JsonProperty("description_id") String descriptionId,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("camera_id") String cameraId,
    @JsonProperty("described_at") Instant describedAt,
    @Schema(description = "described") @JsonProperty("outcome") String outcome,
    @JsonProperty("description") String description,
    @JsonProperty("detection_type") String detectionType,
    @JsonProperty("objects") List<ObjectView> objects,
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @Schema(nullable = true) @JsonProperty("input_tokens") Integer inputTokens,
    @Schema(nullable = true) @JsonProperty("output_tokens") Integer outputTokens,
    @Schema(nullable = true) @JsonProperty("cost_usd") Double costUsd,
    @Schema(nullable = true) @JsonProperty("latency_ms") Long latencyMs,
    @JsonProperty("attempts") List<String> attempts,
    @Schema(description = "The prompt sent") @JsonProperty("prompt") String prompt,
    @JsonProperty("reanalysis") boolean reanalysis) {

  static ReanalysisView of(EventDescription d) {
    return new ReanalysisView(
        d.descriptionId(),
        d.eventId(),
        d.cameraId(),
        d.describedAt(),
        d.outcome(),
        d.description(),
        d.detectionType(),
        ObjectView.of(d.objects()),
        d.provider(),
        d.model(),
        d.inputTokens(),
        d.outputTokens(),
        d.costUsd(),
        d.latencyMs(),
        d.attempts(),
        d.prompt(),
        d.reanalysis());
  }
}
