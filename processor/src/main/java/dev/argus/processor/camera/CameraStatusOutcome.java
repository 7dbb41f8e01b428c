package dev.argus.processor.camera;

import dev.argus.contract.events.DerivedEvent;
import java.util.List;

/** What one camera status did: the camera's new state and the events it raised (at most one). */
public record CameraStatusOutcome(CameraStatusState state, List<DerivedEvent> events) {

  public CameraStatusOutcome {
    events = List.copyOf(events);
  }
}
