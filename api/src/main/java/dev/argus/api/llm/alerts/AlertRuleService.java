package dev.argus.api.llm.alerts;

import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmAlertRuleConfig.PerformanceThreshold;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes alert rules. Every change writes {@code llm_alert_rules} and appends the rule's config (a
 * tombstone for a delete) to the config outbox in one transaction, so the processor evaluates
 * exactly the committed rules: an {@link LlmAlertRuleConfig} under {@code llm-rule/…}, or for
 * {@code camera_detection} a {@link CameraAlertRuleConfig} under {@code camera-rule/…} (whose
 * evaluator, on camera events, is another part of the processor).
 *
 * <p>Requests are validated here rather than with {@code @Valid} so that a PATCH, merged into the
 * stored rule, meets the same rules as a POST.
 */
@Service
class AlertRuleService {

  private final AlertRuleRepository rules;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final Validator validator;
  private final JsonMapper json;

  AlertRuleService(
      AlertRuleRepository rules,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      Validator validator,
      JsonMapper json) {
    this.rules = rules;
    this.outbox = outbox;
    this.transactions = transactions;
    this.validator = validator;
    this.json = json;
  }

  List<AlertRule> all() {
    return rules.all();
  }

  AlertRule create(AlertRuleRequest given) {
    AlertRuleRequest request = validated(given);
    UUID id = UUID.randomUUID();
    return transactions.execute(
        tx -> {
          requireTargetModel(request);
          requireCameras(request);
          rules.insert(id, request);
          return published(id, null);
        });
  }

  /** Sets the fields present in {@code patch}; the merged rule meets the rules of a POST. */
  AlertRule patch(UUID id, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw unprocessable("a PATCH body must be a JSON object of the fields to change");
    }
    return transactions.execute(
        tx -> {
          AlertRule stored = rules.lock(id).orElseThrow(() -> notFound(id));
          ObjectNode merged = json.valueToTree(stored.toRequest());
          merged.setAll((ObjectNode) patch);
          AlertRuleRequest request = validated(read(merged));
          requireTargetModel(request);
          requireCameras(request);
          rules.update(id, request);
          return published(id, stored);
        });
  }

  void delete(UUID id) {
    transactions.executeWithoutResult(
        tx -> {
          AlertRule stored = rules.lock(id).orElseThrow(() -> notFound(id));
          rules.delete(id);
          outbox.append(key(stored), null);
        });
  }

  /**
   * Queues the rule under the key of its kind: a camera_detection rule as a {@link
   * CameraAlertRuleConfig}, any other as an {@link LlmAlertRuleConfig}. A rule whose kind changed
   * leaves a tombstone under its former key, so no evaluator keeps the old one.
   */
  private AlertRule published(UUID id, AlertRule before) {
    AlertRule rule = rules.find(id).orElseThrow(() -> notFound(id));
    if (before != null && before.isCameraRule() != rule.isCameraRule()) {
      outbox.append(key(before), null);
    }
    outbox.append(
        key(rule),
        rule.isCameraRule()
            ? ConfigEntry.of(rule.toCameraConfig())
            : ConfigEntry.of(rule.toConfig()));
    return rule;
  }

  private static String key(AlertRule rule) {
    return rule.isCameraRule() ? ConfigKeys.cameraRule(rule.id()) : ConfigKeys.llmRule(rule.id());
  }

  /** The request with its defaults, or 422 naming every problem. */
  private AlertRuleRequest validated(AlertRuleRequest given) {
    AlertRuleRequest request = given.withDefaults();
    if (request.thresholdConfig() != null) {
      request =
          new AlertRuleRequest(
              request.name(),
              request.ruleType(),
              request.targetModelId(),
              request.targetModelName(),
              request.enabled(),
              request.notifyInApp(),
              request.thresholdConfig().withDefaults(),
              request.cameraIds(),
              request.detectionTypes());
    }
    List<String> problems = new ArrayList<>();
    validator.validate(request).stream()
        .map(ConstraintViolation::getMessage)
        .forEach(problems::add);
    String type = request.ruleType();
    boolean camera = CameraAlertRuleConfig.CAMERA_DETECTION.equals(type);
    if (type != null
        && !type.isBlank()
        && !camera
        && !LlmAlertRuleConfig.RULE_TYPES.contains(type)) {
      problems.add(
          "rule_type must be one of any_model_down, specific_model_down,"
              + " model_unavailable_everywhere, performance_degradation, camera_detection, got '"
              + type
              + "'");
    }
    request = withDetectionTypes(request, problems);
    if (camera) {
      if (request.targetModelId() != null
          || request.targetModelName() != null
          || request.thresholdConfig() != null) {
        problems.add(
            "target_model_id, target_model_name and threshold_config are not for camera_detection"
                + " rules (send null): they watch camera_ids and detection_types");
      }
    } else if (!request.cameraIds().isEmpty() || !request.detectionTypes().isEmpty()) {
      problems.add(
          "camera_ids and detection_types are for camera_detection rules only (send [] for "
              + type
              + ")");
    }
    if (LlmAlertRuleConfig.SPECIFIC_MODEL_DOWN.equals(type) && request.targetModelId() == null) {
      problems.add("target_model_id is required for specific_model_down");
    }
    if (LlmAlertRuleConfig.MODEL_UNAVAILABLE_EVERYWHERE.equals(type)
        && (request.targetModelName() == null || request.targetModelName().isBlank())) {
      problems.add("target_model_name is required for model_unavailable_everywhere");
    }
    AlertRuleRequest.Threshold threshold = request.thresholdConfig();
    if (LlmAlertRuleConfig.PERFORMANCE_DEGRADATION.equals(type) && threshold == null) {
      problems.add(
          "threshold_config is required for performance_degradation: {metric, statistic,"
              + " threshold, window_minutes, min_samples}");
    }
    if (threshold != null) {
      if (threshold.metric() != null
          && !threshold.metric().isBlank()
          && !PerformanceThreshold.METRICS.contains(threshold.metric())) {
        problems.add(
            "threshold_config.metric must be one of ttft_ms, latency_ms, tps, got '"
                + threshold.metric()
                + "'");
      }
      if (!PerformanceThreshold.STATISTICS.contains(threshold.statistic())) {
        problems.add(
            "threshold_config.statistic must be one of p50, p95, mean, got '"
                + threshold.statistic()
                + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems.stream().distinct().sorted().toList()));
    }
    return request;
  }

  /** The request with its detection types lowercased, without repeats, each a known one. */
  private static AlertRuleRequest withDetectionTypes(
      AlertRuleRequest request, List<String> problems) {
    List<String> types = new ArrayList<>();
    for (String given : request.detectionTypes()) {
      String type = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
      if (!DetectionTypes.ALL.contains(type)) {
        problems.add(
            "detection_types may hold "
                + String.join(", ", DetectionTypes.ALL)
                + ", got '"
                + given
                + "'");
      } else if (!types.contains(type)) {
        types.add(type);
      }
    }
    List<UUID> cameras = new ArrayList<>(new LinkedHashSet<>(request.cameraIds()));
    if (cameras.contains(null)) {
      problems.add("camera_ids must hold camera UUIDs, got null");
      cameras.remove(null);
    }
    return new AlertRuleRequest(
        request.name(),
        request.ruleType(),
        request.targetModelId(),
        request.targetModelName(),
        request.enabled(),
        request.notifyInApp(),
        request.thresholdConfig(),
        cameras,
        types);
  }

  private void requireCameras(AlertRuleRequest request) {
    List<UUID> missing = rules.missingCameras(request.cameraIds());
    if (!missing.isEmpty()) {
      throw unprocessable(
          "camera_ids: no camera "
              + String.join(", ", missing.stream().map(UUID::toString).toList())
              + "; list the cameras with GET /api/v1/cameras");
    }
  }

  private void requireTargetModel(AlertRuleRequest request) {
    if (request.targetModelId() != null && !rules.modelExists(request.targetModelId())) {
      throw unprocessable(
          "target_model_id: no model "
              + request.targetModelId()
              + "; list the models with GET /api/v1/models");
    }
  }

  private AlertRuleRequest read(ObjectNode merged) {
    try {
      return json.treeToValue(merged, AlertRuleRequest.class);
    } catch (JacksonException e) {
      throw unprocessable(
          JsonInputErrors.detail(e)
              .orElse("a PATCH field has the wrong type: " + e.getOriginalMessage()));
    }
  }

  static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Alert rule " + id + " not found");
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
