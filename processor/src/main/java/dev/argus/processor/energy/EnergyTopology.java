package dev.argus.processor.energy;

import dev.argus.contract.JsonSerde;
import dev.argus.contract.power.PowerReading;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Integrates each device's power into energy totals.
 *
 * <ul>
 *   <li>Input: {@code argus.readings.power} (key: device id, value: {@code PowerReading}).
 *   <li>Output: the compacted {@code argus.energy} (key: device id, value: {@code EnergyTotal})
 *       after every integrated reading, or at most once per device per emit interval (wall clock; a
 *       punctuation publishes totals that waited, and every device's total once after a start): the
 *       running total, the UTC day's total and the gaps skipped.
 *   <li>State: the persistent key-value store {@value #ENERGY_STATE_STORE} (key: device id, value:
 *       {@link EnergyState} as JSON), changelogged. Under exactly-once the store, the output and
 *       the input offsets commit in one transaction, so a crash and restart never integrates an
 *       interval twice. No windows and no grace: every reading is compared with the device's last
 *       point.
 *   <li>Time: totals carry the reading's timestamp; days are UTC days of the readings' timestamps.
 * </ul>
 *
 * <p>The rules live in {@link EnergyIntegrator}; this class only wires them to topics and state. It
 * is a pure builder: no Streams runtime, configuration or clock.
 */
public final class EnergyTopology {

  public static final String ENERGY_STATE_STORE = "energy-device-state";

  private final EnergySettings settings;

  public EnergyTopology(EnergySettings settings) {
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
   * Adds the integration to a builder whose readings stream is shared with other topologies; a
   * topic can have only one source in a topology.
   */
  public void addTo(StreamsBuilder builder, KStream<String, PowerReading> readings) {
    builder.addStateStore(energyStateStore());
    var integrator = new EnergyIntegrator(settings);
    readings
        .process(() -> new EnergyProcessor(integrator, settings.emitInterval()), ENERGY_STATE_STORE)
        .to(
            settings.energy().name(),
            Produced.with(settings.energy().keySerde(), settings.energy().valueSerde()));
  }

  private static StoreBuilder<KeyValueStore<String, EnergyState>> energyStateStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ENERGY_STATE_STORE),
        Serdes.String(),
        JsonSerde.of(EnergyState.class));
  }
}
