package dev.argus.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api with a bootstrap admin key and a real broker, for the benchmark and LLM alert tests
 * (which share one application context). Rows of the processor's tables (benchmark results,
 * progress, statistics, alerts) and of the models the LLM feature owns are written through the
 * owner connection, as the sink and the models API would. The describer is off: it would answer the
 * camera events the live-hub tests publish with descriptions of its own.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + BenchmarksAndAlertsApiTest.BOOTSTRAP,
      "argus.security.rate-limit-per-minute=100000",
      "argus.api.benchmark-stream.ping-interval=1s",
      "argus.api.ai.describer-enabled=false"
    })
public abstract class BenchmarksAndAlertsApiTest extends KafkaApiTest {

  protected static final String BOOTSTRAP = "llm-bootstrap-admin-key-0123456789abcdef";

  @BeforeEach
  void emptyLlmTables() {
    rows.execute(
        "TRUNCATE llm_benchmark_runs, llm_benchmark_results, llm_benchmark_progress,"
            + " llm_benchmark_statistics, llm_alert_rules, llm_alerts, llm_models, llm_providers,"
            + " config_outbox");
  }

  protected Response admin(String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", BOOTSTRAP);
  }

  protected Response as(String key, String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", key);
  }

  /** A new stored key with the given scopes, e.g. {@code "\"read:models\""}. */
  protected String newKey(String scopesJson) {
    Response created =
        admin("POST", "/api/v1/api-keys", "{\"name\": \"test\", \"scopes\": [" + scopesJson + "]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("key").asString();
  }

  /** A model (and a provider for it) as the models API stores them; returns the model's UUID. */
  protected UUID model(String modelId) {
    UUID provider = UUID.randomUUID();
    UUID model = UUID.randomUUID();
    rows.execute(
        "INSERT INTO llm_providers (id, provider_type, display_name) VALUES ('%s', 'openai',"
                .formatted(provider)
            + " 'Simulated OpenAI')");
    rows.execute(
        "INSERT INTO llm_models (id, provider_id, model_id, source) VALUES ('%s', '%s', '%s',"
                .formatted(model, provider, modelId)
            + " 'manual')");
    return model;
  }

  /** Outbox rows queued for {@code topic} under {@code key}. */
  protected long outboxRows(String topic, String key) {
    return rows.count(
        "SELECT count(*) FROM config_outbox WHERE topic = '%s' AND record_key = '%s'"
            .formatted(topic, key));
  }
}
