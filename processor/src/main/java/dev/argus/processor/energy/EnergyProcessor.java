package dev.argus.processor.energy;

import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link EnergyIntegrator} against the per-device state store and publishes the totals.
 * Totals carry the timestamp of the reading that produced them.
 *
 * <p>With an emit interval, a device's total is published at most once per interval (wall clock
 * of the stream thread): the newest unpublished total waits in the emission store, and a
 * wall-clock punctuation publishes what waits. Both stores are changelogged and commit with the
 * output, so a crash loses no pending total. Why: a total per reading made the sink upsert two
 * energy rows for nearly every reading; a running total read by people and Grafana needs no
 * per-reading freshness.
 */
final class EnergyProcessor implements Processor<String, PowerReading, String, EnergyTotal> {

  private final EnergyIntegrator integrator;
  private final Duration emitInterval;
  private ProcessorContext<String, EnergyTotal> context;
  private KeyValueStore<String, EnergyState> states;
  private KeyValueStore<String, PendingEnergy> emissions;

  EnergyProcessor(EnergyIntegrator integrator, Duration emitInterval) {
    this.integrator = integrator;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, EnergyTotal> context) {
    this.context = context;
    this.states = context.getStateStore(EnergyTopology.ENERGY_STATE_STORE);
    this.emissions = context.getStateStore(EnergyTopology.EMISSION_STATE_STORE);
    if (!emitInterval.isZero()) {
      context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publishPending);
    }
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
    if (integration.totals().isEmpty()) {
      return;
    }
    if (emitInterval.isZero()) {
      integration.totals().forEach(this::forward);
      return;
    }
    emitOrHold(deviceId, integration.totals());
  }

  private void emitOrHold(String deviceId, List<EnergyTotal> totals) {
    long now = context.currentSystemTimeMs();
    PendingEnergy last = emissions.get(deviceId);
    boolean dayClosed = totals.size() > 1;
    boolean due = last == null || now - last.lastEmittedWallMillis() >= emitInterval.toMillis();
    EnergyTotal newest = totals.get(totals.size() - 1);
    if (dayClosed || due) {
      // A total that closes a day is final for that day: published at once. It supersedes any
      // total that waited, which was of the same day and older.
      totals.forEach(this::forward);
      emissions.put(deviceId, new PendingEnergy(now, null));
    } else {
      emissions.put(deviceId, new PendingEnergy(last.lastEmittedWallMillis(), newest));
    }
  }

  private void publishPending(long now) {
    try (KeyValueIterator<String, PendingEnergy> all = emissions.all()) {
      while (all.hasNext()) {
        KeyValue<String, PendingEnergy> entry = all.next();
        if (entry.value.pending() != null) {
          forward(entry.value.pending());
          emissions.put(entry.key, new PendingEnergy(now, null));
        }
      }
    }
  }

  private void forward(EnergyTotal total) {
    context.forward(new Record<>(total.deviceId(), total, total.asOf().toEpochMilli()));
  }
}
