package dev.argus.api.llm.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert rule as stored in {@code llm_alert_rules}: an LLM rule (model targets, threshold) or a
 * {@code camera_detection} rule (cameras and detection types; empty lists mean all).
 */
record AlertRule(
    String id,
    String name,
    @JsonProperty("rule_type") String ruleType,
    @JsonProperty("target_model_id") @Schema(nullable = true) String targetModelId,
    @JsonProperty("target_model_name") @Schema(nullable = true) String targetModelName,
    boolean enabled,
    @JsonProperty("notify_in_app") boolean notifyInApp,
    @JsonProperty("threshold_config") @Schema(nullable = true) Threshold thresholdConfig,
    @JsonProperty("camera_ids")
        @Schema(description = "camera_detection: the cameras it watches; empty: every camera")
        List<UUID> cameraIds,
    @JsonProperty("detection_types")
        @Schema(description = "camera_detection: the detection types that match; empty: every type")
        List<String> detectionTypes,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  /** A stored threshold: every field set. */
  @Schema(name = "PerformanceThreshold")
  record Threshold(
      String metric,
      String statistic,
      double threshold,
      @JsonProperty("window_minutes") int windowMinutes,
      @JsonProperty("min_samples") int minSamples) {}

  boolean isCameraRule() {
    return CameraAlertRuleConfig.CAMERA_DETECTION.equals(ruleType);
  }

  /** What the processor evaluates of a camera_detection rule, as published to argus.config. */
  CameraAlertRuleConfig toCameraConfig() {
    return new CameraAlertRuleConfig(
        id,
        name,
        cameraIds.stream().map(UUID::toString).toList(),
        detectionTypes,
        enabled,
        notifyInApp);
  }

  /** What the processor evaluates of an LLM rule, as published to {@code argus.config}. */
  LlmAlertRuleConfig toConfig() {
    return new LlmAlertRuleConfig(
        id,
        name,
        ruleType,
        targetModelId,
        targetModelName,
        enabled,
        notifyInApp,
        thresholdConfig == null
            ? null
            : new LlmAlertRuleConfig.PerformanceThreshold(
                thresholdConfig.metric(),
                thresholdConfig.statistic(),
                thresholdConfig.threshold(),
                thresholdConfig.windowMinutes(),
                thresholdConfig.minSamples()));
  }

  /** This rule as a request, for a PATCH to merge its fields over. */
  AlertRuleRequest toRequest() {
    return new AlertRuleRequest(
        name,
        ruleType,
        targetModelId == null ? null : java.util.UUID.fromString(targetModelId),
        targetModelName,
        enabled,
        notifyInApp,
        thresholdConfig == null
            ? null
            : new AlertRuleRequest.Threshold(
                thresholdConfig.metric(),
                thresholdConfig.statistic(),
                thresholdConfig.threshold(),
                thresholdConfig.windowMinutes(),
                thresholdConfig.minSamples()),
        cameraIds,
        detectionTypes);
  }
}
