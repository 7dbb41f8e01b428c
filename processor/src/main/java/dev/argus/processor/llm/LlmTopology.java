package dev.argus.processor.llm;

import dev.argus.contract.JsonSerde;
import dev.argus.contract.llm.LlmProbeReading;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Derives model status, LLM alerts and benchmark statistics.
 *
 * <ul>
 *   <li>Input: {@code argus.readings.llm} (key: model UUID, value: {@code LlmProbeReading}); only
 *       monitoring probes ({@code iteration} null) count. {@code argus.llm.benchmark} (key: run
 *       UUID, value: {@code BenchmarkEvent}). The alert rules, models and providers of the
 *       compacted {@code argus.config}, read from a global table of raw bytes (shared with the
 *       power topology when they are composed).
 *   <li>Output: the compacted {@code argus.llm.status} (key: model UUID, {@code LlmModelStatus})
 *       after every applied probe; {@code argus.events} ({@code DerivedEvent}, source {@code llm})
 *       keyed by model UUID, or by the provider's model id for {@code
 *       model_unavailable_everywhere}; the compacted {@code argus.llm.benchmark.stats} (key: run
 *       UUID, {@code BenchmarkStatistics}) after every result and when a run ends.
 *   <li>State: {@value #MODEL_STATE_STORE} (per model: status, open alerts, the samples of the
 *       longest degradation window), {@value #MODEL_NAME_STATE_STORE} (per provider model id: each
 *       serving model's newest status, open alerts), {@value #BENCHMARK_RUN_STORE} (per run: its
 *       results); persistent and changelogged. No windows and no grace: windows of the degradation
 *       rule are kept in the model's state and judged on probe time.
 *   <li>Re-key: {@code model_unavailable_everywhere} needs every provider's model with one id in
 *       one place, so the probes are re-keyed by the provider's model id through the repartition
 *       topic {@value #BY_MODEL_NAME}.
 *   <li>Time: everything is judged and stamped with the probes' and events' own timestamps; there
 *       is no punctuation and no wall clock.
 * </ul>
 *
 * <p>The rules live in {@link ModelRules}, {@link ModelNameRules} and {@link
 * BenchmarkStatisticsCalculator}; this class only wires them to topics and state. A pure builder.
 */
public final class LlmTopology {

  public static final String MODEL_STATE_STORE = "llm-model-state";
  public static final String MODEL_NAME_STATE_STORE = "llm-model-name-state";
  public static final String BENCHMARK_RUN_STORE = "llm-benchmark-runs";
  public static final String BY_MODEL_NAME = "llm-readings-by-model-name";

  /** The global config table this topology builds when it runs alone. */
  public static final String CONFIG_STORE = "config-global";

  private final LlmSettings settings;

  public LlmTopology(LlmSettings settings) {
    this.settings = settings;
  }

  /** This topology alone, with its own global table of {@code argus.config}. */
  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    // Raw bytes, as the power topology's: the global thread never fails on a record it cannot
    // read; the rules decode each entry and leave out one that cannot be read.
    builder.globalTable(
        settings.config().name(),
        Consumed.with(settings.config().keySerde(), Serdes.ByteArray()),
        Materialized.<String, byte[]>as(Stores.inMemoryKeyValueStore(CONFIG_STORE))
            .withKeySerde(settings.config().keySerde())
            .withValueSerde(Serdes.ByteArray()));
    addTo(builder, CONFIG_STORE);
    return builder.build();
  }

  /**
   * Adds the sources, rules and outputs to a builder that already materializes {@code argus.config}
   * as the global table {@code configStore} (raw bytes); a topic can have only one source in a
   * topology.
   */
  public void addTo(StreamsBuilder builder, String configStore) {
    builder.addStateStore(store(MODEL_STATE_STORE, ModelState.class));
    builder.addStateStore(store(MODEL_NAME_STATE_STORE, ModelNameState.class));
    builder.addStateStore(store(BENCHMARK_RUN_STORE, BenchmarkRunState.class));
    var readings = settings.readings();
    KStream<String, LlmProbeReading> probes =
        builder.stream(readings.name(), Consumed.with(readings.keySerde(), readings.valueSerde()))
            .filter((modelId, reading) -> reading != null && reading.iteration() == null);
    // Outcomes stay inside this sub-topology (no repartition), so they need no serde.
    KStream<String, ModelOutcome> outcomes =
        probes.process(() -> new ModelStateProcessor(settings, configStore), MODEL_STATE_STORE);
    outcomes
        .mapValues(ModelOutcome::status)
        .to(
            settings.statuses().name(),
            Produced.with(settings.statuses().keySerde(), settings.statuses().valueSerde()));
    outcomes
        .flatMapValues(ModelOutcome::events)
        .to(
            settings.events().name(),
            Produced.with(settings.events().keySerde(), settings.events().valueSerde()));
    probes
        .filter((modelId, reading) -> reading.modelName() != null && !reading.modelName().isBlank())
        .selectKey((modelId, reading) -> reading.modelName())
        .repartition(
            Repartitioned.with(readings.keySerde(), readings.valueSerde()).withName(BY_MODEL_NAME))
        .process(() -> new ModelNameProcessor(settings, configStore), MODEL_NAME_STATE_STORE)
        .to(
            settings.events().name(),
            Produced.with(settings.events().keySerde(), settings.events().valueSerde()));
    var benchmark = settings.benchmark();
    builder.stream(benchmark.name(), Consumed.with(benchmark.keySerde(), benchmark.valueSerde()))
        .process(
            () -> new BenchmarkStatisticsProcessor(settings.maxResultsPerRun()),
            BENCHMARK_RUN_STORE)
        .to(
            settings.statistics().name(),
            Produced.with(settings.statistics().keySerde(), settings.statistics().valueSerde()));
  }

  private static <T> StoreBuilder<KeyValueStore<String, T>> store(String name, Class<T> type) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.of(type));
  }
}
