package dev.argus.contract.events;

/** The power event types of the seed API, with the severity each maps to. */
public enum PowerEventType {
  ON_BATTERY("on_battery", Severity.HIGH),
  POWER_RESTORED("power_restored", Severity.LOW),
  BATTERY_LOW("battery_low", Severity.CRITICAL),
  SHUTDOWN_INITIATED("shutdown_initiated", Severity.CRITICAL),
  THRESHOLD_CROSSED("threshold_crossed", Severity.MEDIUM),
  DEVICE_OFFLINE("device_offline", Severity.CRITICAL),
  DEVICE_ONLINE("device_online", Severity.LOW);

  private final String wireName;
  private final Severity severity;

  PowerEventType(String wireName, Severity severity) {
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
   * The type with this wire name, e.g. {@code on_battery}.
   *
   * @throws IllegalArgumentException for a name this version does not know
   */
  public static PowerEventType fromWireName(String name) {
    for (PowerEventType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown power event type: " + name);
  }
}
