package dev.argus.api.llm.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/alerts/rules} (and, merged over the stored rule, of {@code
 * PATCH}). Which of the target fields a rule needs depends on its type ({@link AlertRuleService}).
 */
record AlertRuleRequest(
    @NotBlank(message = "name is required")
        @Size(max = 200, message = "name must be at most 200 characters")
        String name,
    @JsonProperty("rule_type")
        @Schema(
            allowableValues = {
              "any_model_down",
              "specific_model_down",
              "model_unavailable_everywhere",
              "performance_degradation",
              "camera_detection"
            })
        @NotBlank(message = "rule_type is required")
        String ruleType,
    @JsonProperty("target_model_id")
        @Schema(nullable = true, description = "specific_model_down: the model (its UUID)")
        UUID targetModelId,
    @JsonProperty("target_model_name")
        @Schema(
            nullable = true,
            description =
                "model_unavailable_everywhere: the provider's model id, matched exactly on every"
                    + " provider")
        @Size(max = 500, message = "target_model_name must be at most 500 characters")
        String targetModelName,
    @Schema(defaultValue = "true") Boolean enabled,
    @JsonProperty("notify_in_app") @Schema(defaultValue = "true") Boolean notifyInApp,
    @JsonProperty("threshold_config")
        @Schema(nullable = true, description = "performance_degradation: what is measured")
        @Valid
        Threshold thresholdConfig,
    @JsonProperty("camera_ids")
        @Schema(
            nullable = true,
            description = "camera_detection: cameras (their UUIDs) it watches; empty: every camera")
        @Size(max = 500, message = "camera_ids may hold at most 500 cameras")
        List<UUID> cameraIds,
    @JsonProperty("detection_types")
        @Schema(
            nullable = true,
            description =
                "camera_detection: a subset of person, vehicle, animal, package, ring, motion;"
                    + " empty: every type")
        List<String> detectionTypes) {

  /** This request with {@code enabled} and {@code notify_in_app} true when left out. */
  AlertRuleRequest withDefaults() {
    return new AlertRuleRequest(
        name,
        ruleType,
        targetModelId,
        targetModelName,
        enabled == null || enabled,
        notifyInApp == null || notifyInApp,
        thresholdConfig,
        cameraIds == null ? List.of() : cameraIds,
        detectionTypes == null ? List.of() : detectionTypes);
  }

  /**
   * A {@code performance_degradation} rule's measure: the window statistic of a metric against a
   * threshold (above it for times, below it for {@code tps}), decided once the window holds {@code
   * min_samples}.
   */
  @Schema(name = "PerformanceThresholdRequest")
  record Threshold(
      @Schema(allowableValues = {"ttft_ms", "latency_ms", "tps"})
          @NotBlank(message = "threshold_config.metric is required (ttft_ms, latency_ms or tps)")
          String metric,
      @Schema(
              allowableValues = {"p50", "p95", "mean"},
              defaultValue = "p95")
          String statistic,
      @NotNull(message = "threshold_config.threshold is required")
          @PositiveOrZero(message = "threshold_config.threshold must not be negative")
          Double threshold,
      @JsonProperty("window_minutes")
          @Schema(defaultValue = "15")
          @Min(value = 1, message = "threshold_config.window_minutes must be between 1 and 1440")
          @Max(value = 1440, message = "threshold_config.window_minutes must be between 1 and 1440")
          Integer windowMinutes,
      @JsonProperty("min_samples")
          @Schema(defaultValue = "3")
          @Min(value = 1, message = "threshold_config.min_samples must be between 1 and 1000")
          @Max(value = 1000, message = "threshold_config.min_samples must be between 1 and 1000")
          Integer minSamples) {

    static final String DEFAULT_STATISTIC = "p95";
    static final int DEFAULT_WINDOW_MINUTES = 15;
    static final int DEFAULT_MIN_SAMPLES = 3;

    Threshold withDefaults() {
      return new Threshold(
          metric,
          statistic != null ? statistic : DEFAULT_STATISTIC,
          threshold,
          windowMinutes != null ? windowMinutes : DEFAULT_WINDOW_MINUTES,
          minSamples != null ? minSamples : DEFAULT_MIN_SAMPLES);
    }
  }
}
