package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

  private static KafkaClients clients(Duration sessionTimeout) {
    return new KafkaClients(
        new KafkaSettings("localhost:9092", (short) 1),
        new ApiKafkaProperties(Duration.ofSeconds(5), sessionTimeout));
  }

  @Test
  void groupConsumersGiveUpOnASilentReplicaAfterTenSecondsByDefault() {
    Map<String, Object> config = clients(null).consumerConfig("argus-alerts", "alerts", Map.of());

    assertThat(config)
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
        .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333)
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "argus-alerts")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
  }

  @Test
  void theSettingIsHonouredAndAnOutOfRangeOneRefusedByName() {
    assertThat(
            clients(Duration.ofSeconds(30))
                .consumerConfig("g", "p", Map.of())
                .get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))
        .isEqualTo(30_000);
    assertThatThrownBy(() -> clients(Duration.ofSeconds(2)))
        .hasMessageContaining("ARGUS_KAFKA_SESSION_TIMEOUT");
  }
}
