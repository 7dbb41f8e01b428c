package dev.argus.contract.llm;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a model answered its newest probe. */
public enum LlmStatus {
  UP,
  DEGRADED,
  DOWN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
