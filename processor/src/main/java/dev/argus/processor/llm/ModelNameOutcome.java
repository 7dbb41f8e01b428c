package dev.argus.processor.llm;

import dev.argus.contract.events.DerivedEvent;
import java.util.List;

/** What one probe did to its provider model id: the new state and the alert events. */
record ModelNameOutcome(ModelNameState state, List<DerivedEvent> events) {

  ModelNameOutcome {
    events = List.copyOf(events);
  }
}
