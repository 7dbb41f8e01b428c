package dev.argus.api.llm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/monitoring/config} and {@code /run} over HTTP against a real PostgreSQL, with the
 * settings and the jobs they queue.
 */
class MonitoringIT extends LlmApiTest {

  @Test
  void theSettingsStartAtTheDefaults() {
    Response settings = admin("GET", "/api/v1/monitoring/config", null);

    assertThat(settings.status()).isEqualTo(200);
    JsonNode body = settings.json();
    assertThat(body.path("interval_minutes").asInt()).isEqualTo(15);
    assertThat(body.path("prompt_pack").asString()).isEqualTo("health_check");
    assertThat(body.path("enabled").asBoolean()).isTrue();
    assertThat(body.path("last_run_at").isNull()).isTrue();
    assertThat(body.path("probe_max_tokens").asInt()).isEqualTo(64);
  }

  @Test
  void aPatchChangesTheGivenSettingsAndQueuesThemForTheConfigTopic() {
    // When
    Response patched =
        admin(
            "PATCH",
            "/api/v1/monitoring/config",
            "{\"interval_minutes\": 1, \"prompt_pack\": \"reasoning\", \"probe_max_tokens\": 256}");

    // Then
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().path("interval_minutes").asInt()).isEqualTo(1);
    assertThat(patched.json().path("prompt_pack").asString()).isEqualTo("reasoning");
    assertThat(patched.json().path("enabled").asBoolean()).isTrue();
    assertThat(
            text(
                "SELECT (record_value->'llm_monitoring'->>'interval_minutes') || '/'"
                    + " || (record_value->'llm_monitoring'->>'prompt_pack') || '/'"
                    + " || (record_value->'llm_monitoring'->>'probe_max_tokens')"
                    + " FROM config_outbox WHERE topic = 'argus.config'"
                    + " AND record_key = 'llm-monitoring'"))
        .isEqualTo("1/reasoning/256");
    assertThat(
            admin("GET", "/api/v1/monitoring/config", null).json().path("prompt_pack").asString())
        .isEqualTo("reasoning");
  }

  @Test
  void invalidSettingsAre422AndChangeNothing() {
    assertUnprocessable(
        "{\"interval_minutes\": 0}", "interval_minutes must be between 1 and 10080");
    assertUnprocessable(
        "{\"prompt_pack\": \"nonexistent\"}",
        "prompt_pack must be one of health_check, short_answer, long_answer, reasoning");
    assertUnprocessable("{\"probe_max_tokens\": 8}", "probe_max_tokens must be between 16");
    assertUnprocessable("{\"enabled\": null}", "enabled must be true or false");
    assertUnprocessable("{\"interval_minutes\": \"5\"}", "interval_minutes");
    assertUnprocessable("{\"last_run_at\": null}", "last_run_at cannot be changed");
    assertThat(count("SELECT count(*) FROM config_outbox")).isZero();
    assertThat(count("SELECT interval_minutes FROM llm_monitoring_config")).isEqualTo(15);
  }

  @Test
  void aRunIsRecordedAndItsJobQueuedForTheJobsTopicInOneStep() {
    // Given
    String provider = ollama("Local");
    String model = model(provider, "llama3:8b");
    admin("PATCH", "/api/v1/models/" + model, "{\"enabled_for_monitoring\": true}");
    rows.execute("TRUNCATE config_outbox");

    // When
    Response run = admin("POST", "/api/v1/monitoring/run", null);

    // Then
    assertThat(run.status()).as(run.body()).isEqualTo(202);
    String runId = run.json().path("run_id").asString();
    assertThat(run.json().path("status").asString()).isEqualTo("queued");
    assertThat(run.json().path("message").asString()).contains("1 model(s)");
    assertThat(
            count(
                "SELECT count(*) FROM llm_monitoring_runs WHERE run_id = '"
                    + runId
                    + "'"
                    + " AND trigger = 'manual'"))
        .isEqualTo(1);
    assertThat(
            text(
                "SELECT topic || ' ' || record_key || ' ' || (record_value->>'kind') || ' '"
                    + " || (record_value->>'run_id') FROM config_outbox"))
        .isEqualTo("argus.llm.jobs " + runId + " monitoring_run " + runId);
    assertThat(admin("GET", "/api/v1/monitoring/config", null).json().path("last_run_at").isNull())
        .isFalse();
  }

  @Test
  void monitoringNeedsTheModelScopes() {
    String reader = newKey("\"read:models\"");
    assertThat(as(reader, "GET", "/api/v1/monitoring/config", null).status()).isEqualTo(200);
    assertThat(as(reader, "POST", "/api/v1/monitoring/run", null).status()).isEqualTo(403);
    assertThat(as(reader, "PATCH", "/api/v1/monitoring/config", "{\"enabled\": false}").status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/monitoring/uptime").status()).isEqualTo(401);
  }

  @Test
  void theRootAndHealthAnswerWithoutAKey() {
    Response root = api.get("/");
    Response health = api.get("/health");

    assertThat(root.status()).isEqualTo(200);
    assertThat(root.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"healthy\"}");
  }

  private void assertUnprocessable(String body, String detail) {
    Response response = admin("PATCH", "/api/v1/monitoring/config", body);
    assertThat(response.status()).as(body).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).contains(detail);
  }
}
