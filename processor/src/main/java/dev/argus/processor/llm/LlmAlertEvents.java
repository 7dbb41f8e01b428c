package dev.argus.processor.llm;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code argus.events} records of LLM alerts (source {@code llm}). Ids are name-based, so a
 * replay of the same readings yields the same alert and event ids and the sink stays idempotent:
 * the alert id of (rule, subject, opened time), the event id of (subject, type, rule, time).
 *
 * <p>Metadata, for the api and the sink: {@code alert_id}, {@code rule_id}, {@code rule_name},
 * {@code rule_type}, {@code model_id} (absent for a rule about a model id on every provider),
 * {@code model_name}, {@code message} (a sentence for people), and the figures that breached or
 * recovered.
 */
final class LlmAlertEvents {

  /** Who an alert is about. */
  record Subject(String id, String modelId, String modelName) {}

  private LlmAlertEvents() {}

  static OpenAlert open(LlmAlertRuleConfig rule, Subject subject, Instant at) {
    String name = String.join("\u0000", "llm-alert", rule.id(), subject.id(), at.toString());
    String alertId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    return new OpenAlert(alertId, at, rule.name(), rule.ruleType());
  }

  static DerivedEvent opened(
      String ruleId,
      OpenAlert alert,
      Subject subject,
      Instant at,
      String message,
      Map<String, Object> figures) {
    return event(
        LlmEventType.openedBy(alert.ruleType()), ruleId, alert, subject, at, message, figures);
  }

  static DerivedEvent recovered(
      String ruleId,
      OpenAlert alert,
      Subject subject,
      Instant at,
      String message,
      Map<String, Object> figures) {
    Map<String, Object> withOpening = new LinkedHashMap<>(figures);
    withOpening.put("opened_at", alert.openedAt().toString());
    return event(LlmEventType.RECOVERED, ruleId, alert, subject, at, message, withOpening);
  }

  private static DerivedEvent event(
      LlmEventType type,
      String ruleId,
      OpenAlert alert,
      Subject subject,
      Instant at,
      String message,
      Map<String, Object> figures) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("alert_id", alert.alertId());
    metadata.put("rule_id", ruleId);
    metadata.put("rule_name", alert.ruleName());
    metadata.put("rule_type", alert.ruleType());
    if (subject.modelId() != null) {
      metadata.put("model_id", subject.modelId());
    }
    metadata.put("model_name", subject.modelName());
    metadata.put("message", message);
    metadata.putAll(figures);
    String name =
        String.join(
            "\u0000",
            DerivedEvent.SOURCE_LLM,
            subject.id(),
            type.wireName(),
            ruleId,
            at.toString());
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(),
        DerivedEvent.SOURCE_LLM,
        subject.id(),
        type.wireName(),
        type.severity(),
        at,
        metadata);
  }

  /**
   * Why an open alert of a rule that no longer applies is closed: the rule was deleted, disabled,
   * or changed so that it is no longer about this subject; null while it applies.
   */
  static String closedByRule(LlmAlertRuleConfig rule, boolean applies) {
    if (rule == null) {
      return "rule_deleted";
    }
    if (!rule.enabled()) {
      return "rule_disabled";
    }
    return applies ? null : "rule_changed";
  }

  static String closedByRuleMessage(OpenAlert alert, String reason) {
    String what =
        switch (reason) {
          case "rule_deleted" -> "was deleted";
          case "rule_disabled" -> "was disabled";
          default -> "no longer applies";
        };
    return "Alert closed: the rule '" + alert.ruleName() + "' " + what;
  }
}
