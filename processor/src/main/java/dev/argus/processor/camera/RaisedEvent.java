package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.events.DerivedEvent;
import java.util.List;

/**
 * A camera event the motion processor raised and the alerts it opened; split by the topology into
 * {@code argus.camera.events} and {@code argus.events}. It never leaves the sub-topology, so it
 * needs no serde.
 */
record RaisedEvent(CameraEvent event, List<DerivedEvent> alerts) {

  RaisedEvent {
    alerts = List.copyOf(alerts);
  }
}
