package dev.argus.processor.energy;

import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link EnergyIntegrator} against the per-device state store. Totals carry the timestamp of
 * the reading that produced them.
 */
final class EnergyProcessor implements Processor<String, PowerReading, String, EnergyTotal> {

  private final EnergyIntegrator integrator;
  private ProcessorContext<String, EnergyTotal> context;
  private KeyValueStore<String, EnergyState> states;

  EnergyProcessor(EnergyIntegrator integrator) {
    this.integrator = integrator;
  }

  @Override
  public void init(ProcessorContext<String, EnergyTotal> context) {
    this.context = context;
    this.states = context.getStateStore(EnergyTopology.ENERGY_STATE_STORE);
  }

  @Override
  public void process(Record<String, PowerReading> record) {
    PowerReading reading = record.value();
    if (reading == null) {
      return;
    }
    // The collector keys readings by device id, so the value's id names the same partition.
    String deviceId = reading.deviceId();
    EnergyState previous = states.get(deviceId);
    Integration integration = integrator.onReading(previous, reading);
    if (!Objects.equals(integration.state(), previous)) {
      states.put(deviceId, integration.state());
    }
    for (EnergyTotal total : integration.totals()) {
      context.forward(new Record<>(deviceId, total, total.asOf().toEpochMilli()));
    }
  }
}
