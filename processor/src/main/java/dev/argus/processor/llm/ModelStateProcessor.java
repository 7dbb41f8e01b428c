package dev.argus.processor.llm;

import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.llm.LlmProbeReading;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link ModelRules} against the per-model store and the configuration of the global config
 * table, and forwards one outcome per applied probe, stamped with the probe's time.
 */
final class ModelStateProcessor
    implements Processor<String, LlmProbeReading, String, ModelOutcome> {

  private final ModelRules rules;
  private final String configStore;
  private final String configTopic;
  private final Deserializer<ConfigEntry> entries;
  private ProcessorContext<String, ModelOutcome> context;
  private KeyValueStore<String, ModelState> states;
  private LlmConfigView config;

  ModelStateProcessor(LlmSettings settings, String configStore) {
    this.rules = new ModelRules(settings.maxSamplesPerModel());
    this.configStore = configStore;
    this.configTopic = settings.config().name();
    this.entries = settings.config().valueSerde().deserializer();
  }

  @Override
  public void init(ProcessorContext<String, ModelOutcome> context) {
    this.context = context;
    this.states = context.getStateStore(LlmTopology.MODEL_STATE_STORE);
    this.config = new LlmConfigView(context.getStateStore(configStore), configTopic, entries);
  }

  @Override
  public void process(Record<String, LlmProbeReading> record) {
    LlmProbeReading reading = record.value();
    if (reading == null) {
      return;
    }
    // The collector keys probes by model UUID, so the value's id names the same partition.
    String modelId = reading.modelId();
    Optional<ModelOutcome> outcome =
        rules.onReading(states.get(modelId), reading, config.current());
    if (outcome.isEmpty()) {
      return;
    }
    states.put(modelId, outcome.get().state());
    context.forward(new Record<>(modelId, outcome.get(), reading.timestamp().toEpochMilli()));
  }
}
