package dev.argus.api.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.llm.LlmJob;
import dev.argus.contract.secrets.SecretContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The LLM configuration and jobs through the outbox to a real KRaft broker: providers (secrets
 * encrypted on the topic), models, the monitoring settings and tombstones on {@code argus.config};
 * manual and scheduled monitoring runs on {@code argus.llm.jobs}. The scheduler runs here as in
 * production, looking every 200 ms.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + LlmApiTest.BOOTSTRAP,
      "argus.api.llm-monitoring.scheduler-enabled=true",
      "argus.api.llm-monitoring.check-interval=200ms"
    })
class LlmPublishingIT extends KafkaApiTest {

  @BeforeEach
  void emptyLlmTables() {
    rows.execute("TRUNCATE llm_providers, llm_models, llm_monitoring_runs CASCADE");
  }

  @Test
  void configurationReachesTheConfigTopicInOrderWithSecretsEncrypted() {
    // Given
    String provider =
        created(
            "/api/v1/providers",
            "{\"provider_type\": \"anthropic\", \"display_name\": \"Claude\","
                + " \"credentials\": {\"api_key\": \"sk-ant-plain-secret\"}}");
    String model =
        created(
            "/api/v1/models",
            "{\"provider_account_id\": \"" + provider + "\", \"model_id\": \"claude-sonnet-4\"}");
    Response settings =
        admin("PATCH", "/api/v1/monitoring/config", "{\"prompt_pack\": \"short_answer\"}");
    assertThat(settings.status()).isEqualTo(200);

    // When
    assertThat(admin("DELETE", "/api/v1/providers/" + provider, null).status()).isEqualTo(204);

    // Then
    String providerKey = "llm-provider/" + provider;
    String modelKey = "llm-model/" + model;
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
            Topics.CONFIG.name(),
            read -> read.stream().anyMatch(r -> r.key().equals(providerKey) && r.value() == null));
    List<ConsumerRecord<String, byte[]>> ours =
        records.stream()
            .filter(
                r ->
                    r.key().equals(providerKey)
                        || r.key().equals(modelKey)
                        || r.key().equals("llm-monitoring"))
            .toList();
    assertThat(ours.stream().map(r -> r.key() + (r.value() == null ? " deleted" : "")).toList())
        .containsSubsequence(
            providerKey,
            modelKey,
            "llm-monitoring",
            modelKey + " deleted",
            providerKey + " deleted");
    ConsumerRecord<String, byte[]> published =
        ours.stream().filter(r -> r.key().equals(providerKey)).findFirst().orElseThrow();
    assertThat(new String(published.value(), StandardCharsets.UTF_8))
        .doesNotContain("sk-ant-plain-secret");
    String envelope = entry(published).llmProvider().credentials().get("api_key");
    assertThat(secrets.decrypt(envelope, SecretContext.llmProviderField(provider, "api_key")))
        .isEqualTo("sk-ant-plain-secret");
    assertThat(
            entry(ours.stream().filter(r -> r.key().equals("llm-monitoring")).findFirst().get())
                .llmMonitoring()
                .promptPack())
        .isEqualTo("short_answer");
    assertThat(
            entry(ours.stream().filter(r -> r.key().equals(modelKey)).findFirst().get())
                .llmModel()
                .modelId())
        .isEqualTo("claude-sonnet-4");
  }

  @Test
  void aManualRunReachesTheJobsTopic() {
    // When
    Response run = admin("POST", "/api/v1/monitoring/run", null);

    // Then
    assertThat(run.status()).isEqualTo(202);
    String runId = run.json().path("run_id").asString();
    LlmJob job = job(runId);
    assertThat(job.kind()).isEqualTo(LlmJob.MONITORING_RUN);
    assertThat(job.runId()).isEqualTo(runId);
    assertThat(job.modelIds()).isEmpty();
  }

  @Test
  void theSchedulerQueuesADueRunOnItsOwn() {
    // Given: never run, so due at once
    rows.execute("UPDATE llm_monitoring_config SET enabled = true, last_run_at = NULL");

    // When
    String runId =
        await("a scheduled run")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    rows.count(
                                "SELECT count(*) FROM llm_monitoring_runs"
                                    + " WHERE trigger = 'scheduled'")
                            > 0
                        ? rows.text(
                            "SELECT run_id FROM llm_monitoring_runs WHERE trigger = 'scheduled'"
                                + " ORDER BY requested_at DESC LIMIT 1")
                        : null,
                Objects::nonNull);

    // Then
    assertThat(job(runId).kind()).isEqualTo(LlmJob.MONITORING_RUN);
    assertThat(count("SELECT count(*) FROM llm_monitoring_runs WHERE trigger = 'scheduled'"))
        .isEqualTo(1);
  }

  private LlmJob job(String runId) {
    ConsumerRecord<String, byte[]> record =
        readUntil(
                Topics.LLM_JOBS.name(), read -> read.stream().anyMatch(r -> r.key().equals(runId)))
            .stream()
            .filter(r -> r.key().equals(runId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no job " + runId + " on argus.llm.jobs"));
    return Topics.LLM_JOBS
        .valueSerde()
        .deserializer()
        .deserialize(Topics.LLM_JOBS.name(), record.value());
  }

  private long count(String query) {
    return rows.count(query);
  }

  private String created(String path, String json) {
    Response created = admin("POST", path, json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
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
