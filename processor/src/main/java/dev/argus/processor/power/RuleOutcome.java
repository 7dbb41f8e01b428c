package dev.argus.processor.power;

import dev.argus.contract.events.DerivedEvent;
import java.util.List;

/** The device's state after a rule evaluation and the events it produced, in order. */
public record RuleOutcome(DeviceState state, List<DerivedEvent> events) {

  public RuleOutcome {
    events = List.copyOf(events);
  }

  static RuleOutcome unchanged(DeviceState state) {
    return new RuleOutcome(state, List.of());
  }
}
