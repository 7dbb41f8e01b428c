package dev.argus.processor.targets;

import dev.argus.contract.probe.ProbeResult;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link TargetAlertRules} against the per-target state store and forwards one outcome per
 * applied result, stamped with the result's time; an ignored result forwards nothing.
 */
final class TargetStateProcessor implements Processor<String, ProbeResult, String, TargetOutcome> {

  private final TargetAlertRules rules;
  private ProcessorContext<String, TargetOutcome> context;
  private KeyValueStore<String, TargetState> states;

  TargetStateProcessor(TargetAlertRules rules) {
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<String, TargetOutcome> context) {
    this.context = context;
    this.states = context.getStateStore(TargetAlertsTopology.TARGET_STATE_STORE);
  }

  @Override
  public void process(Record<String, ProbeResult> record) {
    ProbeResult result = record.value();
    if (result == null) {
      return;
    }
    // The collector keys results by target id, so the value's id names the same partition.
    String targetId = result.key();
    Optional<TargetOutcome> outcome = rules.onResult(states.get(targetId), result);
    if (outcome.isEmpty()) {
      return;
    }
    states.put(targetId, outcome.get().state());
    context.forward(new Record<>(targetId, outcome.get(), result.timestamp().toEpochMilli()));
  }
}
