package dev.argus.processor.energy;

import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link EnergyIntegrator} against the per-device state store and publishes the totals. Totals
 * carry the timestamp of the reading that produced them.
 *
 * <p>With an emit interval, a device's total is published at most once per interval (wall clock of
 * the stream thread); a wall-clock punctuation publishes the devices whose total moved since. Why:
 * a total per reading made the sink upsert two energy rows for nearly every reading, and a running
 * total read by people and Grafana needs no per-reading freshness.
 *
 * <p>A total is a function of the device's stored state, so only the bookkeeping of what waits is
 * in memory: after a restart or rebalance the first punctuation publishes every device's total
 * once, which covers totals that were integrated (and committed) but not yet published. Publishing
 * a total twice is harmless: consumers keep the newest per device.
 */
final class EnergyProcessor implements Processor<String, PowerReading, String, EnergyTotal> {

  private final EnergyIntegrator integrator;
  private final Duration emitInterval;
  private final Map<String, Long> lastPublishedWallMillis = new HashMap<>();
  private final Set<String> waiting = new LinkedHashSet<>();
  private boolean publishAllOnce = true;
  private ProcessorContext<String, EnergyTotal> context;
  private KeyValueStore<String, EnergyState> states;

  EnergyProcessor(EnergyIntegrator integrator, Duration emitInterval) {
    this.integrator = integrator;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, EnergyTotal> context) {
    this.context = context;
    this.states = context.getStateStore(EnergyTopology.ENERGY_STATE_STORE);
    if (!emitInterval.isZero()) {
      context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::publishWaiting);
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
    long now = context.currentSystemTimeMs();
    Long last = lastPublishedWallMillis.get(deviceId);
    // A total that closes a UTC day is final for that day: published at once.
    boolean dayClosed = integration.totals().size() > 1;
    if (emitInterval.isZero()
        || dayClosed
        || last == null
        || now - last >= emitInterval.toMillis()) {
      integration.totals().forEach(this::forward);
      lastPublishedWallMillis.put(deviceId, now);
      waiting.remove(deviceId);
    } else {
      waiting.add(deviceId);
    }
  }

  private void publishWaiting(long now) {
    if (publishAllOnce) {
      publishAllOnce = false;
      waiting.clear();
      try (KeyValueIterator<String, EnergyState> all = states.all()) {
        while (all.hasNext()) {
          KeyValue<String, EnergyState> entry = all.next();
          forward(EnergyIntegrator.total(entry.key, entry.value));
          lastPublishedWallMillis.put(entry.key, now);
        }
      }
      return;
    }
    for (String deviceId : waiting) {
      EnergyState state = states.get(deviceId);
      if (state != null) {
        forward(EnergyIntegrator.total(deviceId, state));
        lastPublishedWallMillis.put(deviceId, now);
      }
    }
    waiting.clear();
  }

  private void forward(EnergyTotal total) {
    context.forward(new Record<>(total.deviceId(), total, total.asOf().toEpochMilli()));
  }
}
