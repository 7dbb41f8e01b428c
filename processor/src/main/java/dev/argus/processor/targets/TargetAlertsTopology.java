package dev.argus.processor.targets;

import dev.argus.contract.JsonSerde;
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
 * Derives uptime-target streaks, status and alert events from probe results.
 *
 * <ul>
 *   <li>Input: {@code argus.readings.probe} (key: target id, value: {@code ProbeResult}), passed
 *       and failed checks alike. Each result carries the target's name, failure threshold, repeat
 *       interval and acknowledgement time, so no other view of the configuration is needed.
 *   <li>Output: the compacted {@code argus.target.status} (key: target id, value: {@code
 *       TargetStatus}) after every applied result, and {@code argus.events} (key: target id, value:
 *       {@code DerivedEvent} with source {@code target}): threshold_reached, recovered,
 *       alert_repeat.
 *   <li>State: the persistent key-value store {@value #TARGET_STATE_STORE} (key: target id, value:
 *       {@link TargetState} as JSON), changelogged. No windows and no grace: every result is
 *       compared with the target's state; a result not newer than the last is ignored.
 *   <li>Time: status and events carry the result's timestamp. Repeats are judged on result time, so
 *       they need no punctuation: a down target keeps producing results.
 * </ul>
 *
 * <p>The rules live in {@link TargetAlertRules}; this class only wires them to topics and state. It
 * is a pure builder: no Streams runtime, configuration or clock.
 */
public final class TargetAlertsTopology {

  public static final String TARGET_STATE_STORE = "target-alert-state";

  private final TargetAlertSettings settings;

  public TargetAlertsTopology(TargetAlertSettings settings) {
    this.settings = settings;
  }

  /** This topology alone. */
  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder);
    return builder.build();
  }

  /** Adds the probe-results source, the rules and both outputs to a builder. */
  public void addTo(StreamsBuilder builder) {
    builder.addStateStore(targetStateStore());
    var rules = new TargetAlertRules(settings);
    // Outcomes stay inside this sub-topology (no repartition), so they need no serde.
    KStream<String, TargetOutcome> outcomes =
        builder.stream(
                settings.results().name(),
                Consumed.with(settings.results().keySerde(), settings.results().valueSerde()))
            .process(() -> new TargetStateProcessor(rules), TARGET_STATE_STORE);
    outcomes
        .mapValues(TargetOutcome::status)
        .to(
            settings.statuses().name(),
            Produced.with(settings.statuses().keySerde(), settings.statuses().valueSerde()));
    outcomes
        .flatMapValues(TargetOutcome::events)
        .to(
            settings.events().name(),
            Produced.with(settings.events().keySerde(), settings.events().valueSerde()));
  }

  private static StoreBuilder<KeyValueStore<String, TargetState>> targetStateStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(TARGET_STATE_STORE),
        Serdes.String(),
        JsonSerde.of(TargetState.class));
  }
}
