package dev.argus.contract.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent an event is; alert providers filter on a minimum severity. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
