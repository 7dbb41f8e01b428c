package dev.argus.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.kafka.KafkaClients;
import dev.argus.collector.power.device.DeviceConfigMapper;
import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.testing.TestSecrets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The catch-up an LLM job waits for, against an in-JVM broker: once {@link
 * ConfigTopicReader#awaitCaughtUp} returns, every configuration record published before the call is
 * in effect — what makes a monitoring run queued right after a model was enabled probe that model.
 */
class ConfigCatchUpIT {

  private static EmbeddedKafkaKraftBroker broker;
  private static KafkaSettings kafka;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    kafka = new KafkaSettings(broker.getBrokersAsString(), (short) 1);
    TopicProvisioner.provisionCatalog(kafka, "config-catch-up-it", Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void aRecordPublishedBeforeTheCallIsInEffectWhenItReturns() throws Exception {
    var config =
        new ManagedConfig(
            List.of(),
            "c1",
            true,
            new DeviceConfigMapper(TestSecrets.CIPHER),
            new RuntimeSecrets(TestSecrets.CIPHER),
            List.of(),
            new LlmProviders(TestSecrets.CIPHER));
    var clients = new KafkaClients(kafka, "c1");
    var reader = new ConfigTopicReader(clients::configConsumer, config, Duration.ofSeconds(30));
    var serializer = Topics.CONFIG.valueSerde().serializer();
    reader.start();
    try (var producer =
        new KafkaProducer<>(
            kafka.producerBaseline("config-catch-up-it"), new StringSerializer(), serializer)) {
      // Each round publishes one more model and asks at once, as a job right after the change.
      for (int round = 1; round <= 10; round++) {
        String id = UUID.randomUUID().toString();
        var model =
            new LlmModelConfig(id, "prov-1", "model-" + round, null, true, true, null, null, null);
        producer
            .send(
                new ProducerRecord<>(
                    Topics.CONFIG.name(), ConfigKeys.llmModel(id), ConfigEntry.of(model)))
            .get();

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        assertThat(config.llmFleet().models()).containsKey(id);
      }
    } finally {
      reader.stop();
    }
  }
}
