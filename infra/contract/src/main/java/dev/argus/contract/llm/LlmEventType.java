package dev.argus.contract.llm;

import dev.argus.contract.events.Severity;

/**
 * The events of LLM alert rules on {@code argus.events} (source {@code llm}), with the severity
 * each is delivered with. One alert is open per (rule, subject) until it recovers.
 */
public enum LlmEventType {
  /** A model was down ({@code any_model_down}, {@code specific_model_down}). */
  MODEL_DOWN("model_down", Severity.HIGH),
  /** Every provider serving a model id was down ({@code model_unavailable_everywhere}). */
  MODEL_UNAVAILABLE_EVERYWHERE("model_unavailable_everywhere", Severity.CRITICAL),
  /** A window statistic crossed its threshold ({@code performance_degradation}). */
  PERFORMANCE_DEGRADED("performance_degraded", Severity.MEDIUM),
  /** The condition of an open alert no longer holds: the alert is closed. */
  RECOVERED("llm_recovered", Severity.LOW);

  private final String wireName;
  private final Severity severity;

  LlmEventType(String wireName, Severity severity) {
    this.wireName = wireName;
    this.severity = severity;
  }

  public String wireName() {
    return wireName;
  }

  public Severity severity() {
    return severity;
  }

  /**
   * The type with this wire name.
   *
   * @throws IllegalArgumentException for a name this version does not know
   */
  public static LlmEventType fromWireName(String name) {
    for (LlmEventType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown llm event type: " + name);
  }

  /** The event a breach of a rule of {@code ruleType} opens. */
  public static LlmEventType openedBy(String ruleType) {
    return switch (ruleType) {
      case LlmAlertRuleConfig.ANY_MODEL_DOWN, LlmAlertRuleConfig.SPECIFIC_MODEL_DOWN -> MODEL_DOWN;
      case LlmAlertRuleConfig.MODEL_UNAVAILABLE_EVERYWHERE -> MODEL_UNAVAILABLE_EVERYWHERE;
      case LlmAlertRuleConfig.PERFORMANCE_DEGRADATION -> PERFORMANCE_DEGRADED;
      default -> throw new IllegalArgumentException("unknown rule type: " + ruleType);
    };
  }
}
