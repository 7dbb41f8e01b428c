package dev.argus.api.cameras.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A camera event in a list: what happened and its newest description, without the pictures. */
@Schema(name = "CameraEventSummary")
record CameraEventSummary(
    @JsonProperty("id") UUID id,
    @JsonProperty("camera_id") UUID cameraId,
    @Schema(nullable = true) @JsonProperty("camera_name") String cameraName,
    @JsonProperty("occurred_at") Instant occurredAt,
    @Schema(description = "person, vehicle, animal, package, motion or ring")
        @JsonProperty("detection_type")
        String detectionType,
    @Schema(nullable = true, description = "How much of the picture changed, 0..1")
        @JsonProperty("score")
        Double score,
    @Schema(description = "What raised it, e.g. motion") @JsonProperty("source") String source,
    @Schema(nullable = true) @JsonProperty("description") String description,
    @Schema(description = "pending, described, failed or paused")
        @JsonProperty("description_status")
        String descriptionStatus,
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
    @Schema(nullable = true) @JsonProperty("cost_usd") Double costUsd,
    @Schema(nullable = true) @JsonProperty("described_at") Instant describedAt,
    @JsonProperty("frame_count") int frameCount) {}
