package dev.argus.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api with a bootstrap admin key and no broker, for the LLM endpoint tests (which share
 * one application context): what a change queues for Kafka is read from {@code config_outbox},
 * where it stays. Rows of the processor's tables ({@code llm_probe_results}, {@code
 * llm_benchmark_results}) are written through the owner connection, as the sink would.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + LlmApiTest.BOOTSTRAP,
      "argus.security.rate-limit-per-minute=100000"
    })
public abstract class LlmApiTest extends RunningApiTest {

  public static final String BOOTSTRAP = "llm-bootstrap-admin-key-0123456789abcdef01";

  @BeforeEach
  void emptyLlmTables() {
    rows.execute(
        "TRUNCATE llm_providers, llm_models, llm_monitoring_runs, llm_probe_results,"
            + " llm_benchmark_results, config_outbox CASCADE");
    rows.execute(
        "UPDATE llm_monitoring_config SET enabled = true, interval_minutes = 15,"
            + " prompt_pack = 'health_check', ttft_threshold_ms = 5000,"
            + " latency_threshold_ms = 30000, probe_max_tokens = 64, probe_timeout_seconds = 60,"
            + " concurrency_per_provider = 4, last_run_at = NULL");
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
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("key").asString();
  }

  /** Creates a provider through the api and returns its id. */
  protected String provider(String json) {
    Response created = admin("POST", "/api/v1/providers", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  protected String ollama(String name) {
    return provider(
        "{\"provider_type\": \"ollama\", \"display_name\": \""
            + name
            + "\", \"base_url\": \"http://127.0.0.1:11434\"}");
  }

  /** Adds a model by hand and returns its id. */
  protected String model(String providerId, String modelId) {
    Response created =
        admin(
            "POST",
            "/api/v1/models",
            "{\"provider_account_id\": \"" + providerId + "\", \"model_id\": \"" + modelId + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  protected long count(String query) {
    return rows.count(query);
  }

  protected String text(String query) {
    return rows.text(query);
  }
}
