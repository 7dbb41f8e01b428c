package dev.argus.api.llm.alerts;

import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmAlertRuleConfig.PerformanceThreshold;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
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
 * Changes alert rules. Every change writes {@code llm_alert_rules} and appends the rule's {@link
 * LlmAlertRuleConfig} (a tombstone for a delete) to the config outbox in one transaction, so the
 * processor evaluates exactly the committed rules.
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
          rules.insert(id, request);
          return published(id);
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
          rules.update(id, request);
          return published(id);
        });
  }

  void delete(UUID id) {
    transactions.executeWithoutResult(
        tx -> {
          if (!rules.delete(id)) {
            throw notFound(id);
          }
          outbox.append(ConfigKeys.llmRule(id.toString()), null);
        });
  }

  private AlertRule published(UUID id) {
    AlertRule rule = rules.find(id).orElseThrow(() -> notFound(id));
    outbox.append(ConfigKeys.llmRule(rule.id()), ConfigEntry.of(rule.toConfig()));
    return rule;
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
              request.thresholdConfig().withDefaults());
    }
    List<String> problems = new ArrayList<>();
    validator.validate(request).stream()
        .map(ConstraintViolation::getMessage)
        .forEach(problems::add);
    String type = request.ruleType();
    if (type != null && !type.isBlank() && !LlmAlertRuleConfig.RULE_TYPES.contains(type)) {
      problems.add(
          "rule_type must be one of any_model_down, specific_model_down,"
              + " model_unavailable_everywhere, performance_degradation, got '"
              + type
              + "'");
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
