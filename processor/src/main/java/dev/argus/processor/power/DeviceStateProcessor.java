package dev.argus.processor.power;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link PowerEventRules} against the per-device state store: on every reading, and on a
 * wall-clock punctuation that looks for devices that went silent. Event records carry the event's
 * own timestamp (the reading's, or the punctuation time for silence).
 */
final class DeviceStateProcessor implements Processor<String, PowerReading, String, DerivedEvent> {

  private final PowerEventSettings settings;
  private ProcessorContext<String, DerivedEvent> context;
  private KeyValueStore<String, DeviceState> states;
  private RuntimeThresholds thresholds;
  private Instant watchingSince;

  DeviceStateProcessor(PowerEventSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, DerivedEvent> context) {
    this.context = context;
    this.states = context.getStateStore(PowerEventsTopology.DEVICE_STATE_STORE);
    this.thresholds =
        new RuntimeThresholds(settings, context.getStateStore(PowerEventsTopology.CONFIG_STORE));
    this.watchingSince = Instant.ofEpochMilli(context.currentSystemTimeMs());
    context.schedule(
        settings.silenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkSilence);
  }

  @Override
  public void process(Record<String, PowerReading> record) {
    PowerReading reading = record.value();
    if (reading == null) {
      return;
    }
    // The collector keys readings by device id, so the value's id names the same partition.
    String deviceId = reading.deviceId();
    DeviceState previous = states.get(deviceId);
    RuleOutcome outcome =
        thresholds
            .rules()
            .onReading(previous, reading, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    if (!outcome.state().equals(previous)) {
      states.put(deviceId, outcome.state());
    }
    forward(deviceId, outcome.events());
  }

  private void checkSilence(long wallClockMillis) {
    Instant now = Instant.ofEpochMilli(wallClockMillis);
    PowerEventRules rules = thresholds.rules();
    List<KeyValue<String, RuleOutcome>> changed = new ArrayList<>();
    try (KeyValueIterator<String, DeviceState> all = states.all()) {
      while (all.hasNext()) {
        KeyValue<String, DeviceState> entry = all.next();
        RuleOutcome outcome = rules.onSilenceCheck(entry.key, entry.value, now, watchingSince);
        if (!outcome.events().isEmpty()) {
          changed.add(KeyValue.pair(entry.key, outcome));
        }
      }
    }
    // Written after the scan so the iterator never sees its own updates.
    for (KeyValue<String, RuleOutcome> entry : changed) {
      states.put(entry.key, entry.value.state());
      forward(entry.key, entry.value.events());
    }
  }

  private void forward(String deviceId, List<DerivedEvent> events) {
    for (DerivedEvent event : events) {
      context.forward(new Record<>(deviceId, event, event.timestamp().toEpochMilli()));
    }
  }
}
