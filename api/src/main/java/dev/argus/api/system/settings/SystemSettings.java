package dev.argus.api.system.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The system settings ({@code camera_settings}, one row), as {@code GET /api/v1/system/settings}
 * returns them and the camera, event and AI features read them.
 *
 * @param eventRetentionDays camera events older than this many days are deleted by the processor
 * @param dailyCostCapUsd AI spend per UTC day that pauses descriptions; null: no cap
 * @param monthlyCostCapUsd AI spend per UTC month that pauses descriptions; null: no cap
 * @param defaultMotionSensitivity {@code low}, {@code medium} or {@code high}, for new cameras
 * @param defaultMotionCooldownSeconds for new cameras
 * @param defaultAnalysisMode {@code single_frame} or {@code multi_frame}, for new cameras
 * @param defaultFrameCount frames per event in {@code multi_frame}, for new cameras
 * @param aiChain the vision models ({@code llm_models} ids) the describer tries, in order
 * @param aiTimeoutSeconds one provider call's limit
 * @param aiMaxRetries retries of a failed call on one provider before the next is tried
 * @param descriptionPrompt replaces the built-in description prompt; null: the built-in one
 */
public record SystemSettings(
    @JsonProperty("event_retention_days") int eventRetentionDays,
    @JsonProperty("daily_cost_cap_usd") @Schema(nullable = true) BigDecimal dailyCostCapUsd,
    @JsonProperty("monthly_cost_cap_usd") @Schema(nullable = true) BigDecimal monthlyCostCapUsd,
    @JsonProperty("default_motion_sensitivity") String defaultMotionSensitivity,
    @JsonProperty("default_motion_cooldown_seconds") int defaultMotionCooldownSeconds,
    @JsonProperty("default_analysis_mode") String defaultAnalysisMode,
    @JsonProperty("default_frame_count") int defaultFrameCount,
    @JsonProperty("ai_chain") List<UUID> aiChain,
    @JsonProperty("ai_timeout_seconds") int aiTimeoutSeconds,
    @JsonProperty("ai_max_retries") int aiMaxRetries,
    @JsonProperty("description_prompt") @Schema(nullable = true) String descriptionPrompt,
    @JsonProperty("updated_at") Instant updatedAt) {

  public SystemSettings {
    aiChain = List.copyOf(aiChain);
  }
}
