package dev.argus.processor.llm;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.LlmModelStatus;
import java.util.List;

/** What one probe did to its model: the new state, the status to publish, the alert events. */
record ModelOutcome(ModelState state, LlmModelStatus status, List<DerivedEvent> events) {

  ModelOutcome {
    events = List.copyOf(events);
  }
}
