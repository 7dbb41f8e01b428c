package dev.argus.processor.targets;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.probe.TargetStatus;
import java.util.List;

/**
 * What one probe result did: the target's new state, the status to publish and the events it raised
 * (at most one).
 */
public record TargetOutcome(TargetState state, TargetStatus status, List<DerivedEvent> events) {

  public TargetOutcome {
    events = List.copyOf(events);
  }
}
