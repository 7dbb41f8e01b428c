package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.MotionReading;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link MotionRules} against the per-camera state store and forwards the event a reading
 * raised, keyed by camera id and stamped with the reading's time; a reading that raises nothing
 * forwards nothing and leaves the state as it was.
 */
final class MotionProcessor implements Processor<String, MotionReading, String, CameraEvent> {

  private final MotionRules rules;
  private ProcessorContext<String, CameraEvent> context;
  private KeyValueStore<String, MotionState> states;

  MotionProcessor(MotionRules rules) {
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, CameraEvent> context) {
    this.context = context;
    this.states = context.getStateStore(CameraTopology.MOTION_STATE_STORE);
  }

  @Override
  public void process(Record<String, MotionReading> record) {
    MotionReading reading = record.value();
    if (reading == null) {
      return;
    }
    // The collector keys readings by camera id, so the value's id names the same partition.
    String cameraId = reading.cameraId();
    Optional<MotionOutcome> outcome = rules.onReading(states.get(cameraId), reading);
    if (outcome.isEmpty()) {
      return;
    }
    states.put(cameraId, outcome.get().state());
    context.forward(new Record<>(cameraId, outcome.get().event(), reading.at().toEpochMilli()));
  }
}
