package dev.argus.processor.llm;

import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.LlmProbeReading;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link ModelNameRules} on probes re-keyed by the provider's model id, against the store of
 * that id, and forwards its events keyed by the model id, stamped with the probe's time.
 */
final class ModelNameProcessor implements Processor<String, LlmProbeReading, String, DerivedEvent> {

  private final ModelNameRules rules = new ModelNameRules();
  private final String configStore;
  private final String configTopic;
  private final Deserializer<ConfigEntry> entries;
  private ProcessorContext<String, DerivedEvent> context;
  private KeyValueStore<String, ModelNameState> states;
  private LlmConfigView config;

  ModelNameProcessor(LlmSettings settings, String configStore) {
    this.configStore = configStore;
    this.configTopic = settings.config().name();
    this.entries = settings.config().valueSerde().deserializer();
  }

  @Override
  public void init(ProcessorContext<String, DerivedEvent> context) {
    this.context = context;
    this.states = context.getStateStore(LlmTopology.MODEL_NAME_STATE_STORE);
    this.config = new LlmConfigView(context.getStateStore(configStore), configTopic, entries);
  }

  @Override
  public void process(Record<String, LlmProbeReading> record) {
    LlmProbeReading reading = record.value();
    if (reading == null) {
      return;
    }
    String name = record.key();
    Optional<ModelNameOutcome> outcome =
        rules.onReading(states.get(name), reading, config.current());
    if (outcome.isEmpty()) {
      return;
    }
    states.put(name, outcome.get().state());
    for (DerivedEvent event : outcome.get().events()) {
      context.forward(new Record<>(name, event, event.timestamp().toEpochMilli()));
    }
  }
}
