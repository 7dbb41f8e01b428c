package dev.argus.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Models discovered by {@code POST /api/v1/providers/{id}/refresh-models} reach {@code
 * argus.config} on a real KRaft broker, through the outbox, as models added by hand do. (The
 * properties are {@link LlmPublishingIT}'s, so the two share one application context.)
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + LlmApiTest.BOOTSTRAP,
      "argus.api.llm-monitoring.scheduler-enabled=true",
      "argus.api.llm-monitoring.check-interval=200ms"
    })
class ModelDiscoveryPublishingIT extends KafkaApiTest {

  @BeforeEach
  void emptyLlmTables() {
    rows.execute("TRUNCATE llm_providers, llm_models, llm_monitoring_runs CASCADE");
  }

  @Test
  void discoveredModelsReachTheConfigTopicWithMonitoringOff() throws IOException {
    try (SimulatedProviderServer ollama =
        SimulatedProviderServer.builder(WireProtocol.OLLAMA)
            .model("llama3:8b", ModelBehaviour.defaults())
            .model("qwen3:4b", ModelBehaviour.defaults())
            .start()) {
      // Given
      Response created =
          admin(
              "POST",
              "/api/v1/providers",
              "{\"provider_type\": \"ollama\", \"display_name\": \"Local\", \"base_url\": \""
                  + ollama.baseUrl()
                  + "\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String provider = created.json().path("id").asString();

      // When
      Response refreshed = admin("POST", "/api/v1/providers/" + provider + "/refresh-models", null);

      // Then
      assertThat(refreshed.json().path("success").asBoolean()).as(refreshed.body()).isTrue();
      assertThat(refreshed.json().path("models_added").asInt()).isEqualTo(2);
      List<ConsumerRecord<String, byte[]>> records =
          readUntil(
              Topics.CONFIG.name(),
              read ->
                  read.stream()
                          .filter(r -> r.key().startsWith("llm-model/") && r.value() != null)
                          .map(r -> entry(r).llmModel())
                          .filter(m -> m.providerId().equals(provider))
                          .count()
                      == 2);
      Set<String> published = new HashSet<>();
      for (ConsumerRecord<String, byte[]> record : records) {
        if (record.key().startsWith("llm-model/") && record.value() != null) {
          LlmModelConfig model = entry(record).llmModel();
          if (model.providerId().equals(provider)) {
            assertThat(record.key()).isEqualTo("llm-model/" + model.id());
            assertThat(model.enabledForMonitoring()).isFalse();
            published.add(model.modelId());
          }
        }
      }
      assertThat(published).containsExactlyInAnyOrder("llama3:8b", "qwen3:4b");
    }
  }

  private Response admin(String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", LlmApiTest.BOOTSTRAP);
  }

  private static ConfigEntry entry(ConsumerRecord<String, byte[]> record) {
    return Topics.CONFIG
        .valueSerde()
        .deserializer()
        .deserialize(Topics.CONFIG.name(), record.value());
  }
}
