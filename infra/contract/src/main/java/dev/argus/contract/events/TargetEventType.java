package dev.argus.contract.events;

/** The uptime-target event types, with the severity each maps to. */
public enum TargetEventType {
  /** Consecutive failures reached the target's threshold: it is now alerting. */
  THRESHOLD_REACHED("threshold_reached", Severity.HIGH),
  /** The target answered again after alerting. */
  RECOVERED("recovered", Severity.LOW),
  /** Still down, not acknowledged, and the repeat interval has passed. */
  ALERT_REPEAT("alert_repeat", Severity.HIGH);

  private final String wireName;
  private final Severity severity;

  TargetEventType(String wireName, Severity severity) {
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
   * The type with this wire name, e.g. {@code threshold_reached}.
   *
   * @throws IllegalArgumentException for a name this version does not know
   */
  public static TargetEventType fromWireName(String name) {
    for (TargetEventType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown target event type: " + name);
  }
}
