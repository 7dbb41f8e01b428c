package dev.argus.contract.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.TopicProvisioner;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  private final KafkaSettings settings = new KafkaSettings("broker-1:9092", (short) 3);

  @Test
  void everyProducerStartsIdempotentWithAcksAll() {
    var producer = settings.producerBaseline("argus-test");

    assertThat(producer)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092")
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "argus-test")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    // Each caller adds its own settings to a map of its own.
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    assertThat(settings.producerBaseline("other"))
        .doesNotContainKey(ProducerConfig.LINGER_MS_CONFIG);
  }

  @Test
  void everyConsumerReadsCommittedRecordsOnly() {
    assertThat(settings.consumerBaseline("argus-test"))
        .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092")
        .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "argus-test")
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .doesNotContainKey(ProducerConfig.ACKS_CONFIG);
  }

  @Test
  void aMissingBrokerOrReplicationFactorIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new KafkaSettings(" ", (short) 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "argus.kafka.bootstrap-servers (ARGUS_KAFKA_BOOTSTRAP_SERVERS) must name at least one"
                + " broker, e.g. localhost:9092");
    assertThatThrownBy(() -> new KafkaSettings("localhost:9092", (short) 0))
        .hasMessage(
            "argus.kafka.replication-factor (ARGUS_KAFKA_REPLICATION_FACTOR) must be at least 1,"
                + " was 0");
  }

  @Test
  void provisioningAgainstNoBrokerSaysWhichSettingToCheck() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nowhere = new KafkaSettings("127.0.0.1:" + closedPort, (short) 1);

    assertThatThrownBy(
            () -> TopicProvisioner.provisionCatalog(nowhere, "argus-test", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Could not create the Kafka topics at 127.0.0.1:"
                + closedPort
                + ": check argus.kafka.bootstrap-servers (ARGUS_KAFKA_BOOTSTRAP_SERVERS) and that"
                + " the broker is up");
  }
}
