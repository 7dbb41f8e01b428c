package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.events.DerivedEvent;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link CameraStatusRules} against the per-camera state store and forwards the events a
 * status raised, keyed by camera id and stamped with the status time.
 */
final class CameraStatusProcessor implements Processor<String, CameraStatus, String, DerivedEvent> {

  private final CameraStatusRules rules = new CameraStatusRules();
  private ProcessorContext<String, DerivedEvent> context;
  private KeyValueStore<String, CameraStatusState> states;

  @Override
  public void init(ProcessorContext<String, DerivedEvent> context) {
    this.context = context;
    this.states = context.getStateStore(CameraTopology.STATUS_STATE_STORE);
  }

  @Override
  public void process(Record<String, CameraStatus> record) {
    CameraStatus status = record.value();
    if (status == null) {
      // A tombstone: the camera was deleted; its state goes with it.
      if (record.key() != null) {
        states.delete(record.key());
      }
      return;
    }
    String cameraId = status.cameraId();
    CameraStatusState previous = states.get(cameraId);
    Optional<CameraStatusOutcome> outcome = rules.onStatus(previous, status);
    if (outcome.isEmpty()) {
      return;
    }
    // The periodic statuses are stored too: the newest time is what a late status is judged by.
    states.put(cameraId, outcome.get().state());
    for (DerivedEvent event : outcome.get().events()) {
      context.forward(new Record<>(cameraId, event, status.at().toEpochMilli()));
    }
  }
}
