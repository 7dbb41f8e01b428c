package dev.argus.processor.power;

import dev.argus.contract.JsonSerde;
import dev.argus.contract.power.PowerReading;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Derives power events from UPS/PDU readings.
 *
 * <ul>
 *   <li>Input: {@code argus.readings.power} (key: device id, value: {@code PowerReading}),
 *       successful and failed polls alike.
 *   <li>Output: {@code argus.events} (key: device id, value: {@code DerivedEvent} with source
 *       {@code power}): on_battery, power_restored, battery_low, shutdown_initiated,
 *       threshold_crossed, device_offline, device_online.
 *   <li>State: the persistent key-value store {@value #DEVICE_STATE_STORE} (key: device id, value:
 *       {@link DeviceState} as JSON), changelogged so it survives a restart or a move to another
 *       instance. No windows and no grace: every rule compares a reading with the device's state.
 *   <li>Runtime thresholds: the compacted {@code argus.config} is materialized as the global table
 *       {@value #CONFIG_STORE} (every instance holds all of it; no changelog, the topic is its
 *       own). The {@code runtime} entry's thresholds override the settings' from the next reading
 *       on; its null fields, and a tombstone, leave the settings' values.
 *   <li>Time: events carry the reading's timestamp. A wall-clock punctuation every {@code
 *       silenceCheckInterval} scans the store and sends device_offline for devices that have sent
 *       nothing for {@code deviceOfflineMissedPolls} poll intervals, stamped with the check time.
 * </ul>
 *
 * <p>The rules themselves live in {@link PowerEventRules}; this class only wires them to topics and
 * state. It is a pure builder: no Streams runtime, configuration or clock.
 */
public final class PowerEventsTopology {

  public static final String DEVICE_STATE_STORE = "power-device-state";
  public static final String CONFIG_STORE = "config-global";

  private final PowerEventSettings settings;

  public PowerEventsTopology(PowerEventSettings settings) {
    this.settings = settings;
  }

  /** This topology alone, reading its own input topic. */
  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(
        builder,
        builder.stream(
            settings.readings().name(),
            Consumed.with(settings.readings().keySerde(), settings.readings().valueSerde())));
    return builder.build();
  }

  /**
   * Adds the rules to a builder whose readings stream is shared with other topologies; a topic can
   * have only one source in a topology.
   */
  public void addTo(StreamsBuilder builder, KStream<String, PowerReading> readings) {
    builder.addStateStore(deviceStateStore());
    // Raw bytes: the global thread then never fails on a record it cannot read (there is no
    // dead-letter path for global stores); the processor decodes the runtime entry and falls back
    // to the settings when it is malformed.
    builder.globalTable(
        settings.config().name(),
        Consumed.with(settings.config().keySerde(), Serdes.ByteArray()),
        Materialized.<String, byte[]>as(Stores.inMemoryKeyValueStore(CONFIG_STORE))
            .withKeySerde(settings.config().keySerde())
            .withValueSerde(Serdes.ByteArray()));
    readings
        .process(() -> new DeviceStateProcessor(settings), DEVICE_STATE_STORE)
        .to(
            settings.events().name(),
            Produced.with(settings.events().keySerde(), settings.events().valueSerde()));
  }

  private static StoreBuilder<KeyValueStore<String, DeviceState>> deviceStateStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(DEVICE_STATE_STORE),
        Serdes.String(),
        JsonSerde.of(DeviceState.class));
  }
}
