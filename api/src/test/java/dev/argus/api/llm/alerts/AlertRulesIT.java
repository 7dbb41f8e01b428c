package dev.argus.api.llm.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/alerts/rules} over HTTP against a real PostgreSQL and broker: every change reaches
 * {@code argus.config} as the rule's {@code LlmAlertRuleConfig} (a tombstone for a delete).
 */
class AlertRulesIT extends BenchmarksAndAlertsApiTest {

  private static final String RULES = "/api/v1/alerts/rules";

  @Test
  void eachRuleTypeIsCreatedWithItsDefaultsAndPublished() {
    // Given
    UUID model = model("gpt-4.1");

    // When
    JsonNode any = create("{\"name\": \"Anything down\", \"rule_type\": \"any_model_down\"}");
    JsonNode specific =
        create(
            "{\"name\": \"GPT down\", \"rule_type\": \"specific_model_down\","
                + " \"target_model_id\": \"%s\", \"notify_in_app\": false}".formatted(model));
    JsonNode everywhere =
        create(
            "{\"name\": \"Llama gone\", \"rule_type\": \"model_unavailable_everywhere\","
                + " \"target_model_name\": \"llama3:8b\", \"enabled\": false}");
    JsonNode slow =
        create(
            "{\"name\": \"Slow first token\", \"rule_type\": \"performance_degradation\","
                + " \"threshold_config\": {\"metric\": \"ttft_ms\", \"threshold\": 2000}}");

    // Then
    assertThat(any.path("enabled").asBoolean()).isTrue();
    assertThat(any.path("notify_in_app").asBoolean()).isTrue();
    assertThat(any.path("target_model_id").isNull()).isTrue();
    assertThat(any.path("threshold_config").isNull()).isTrue();
    assertThat(specific.path("target_model_id").asString()).isEqualTo(model.toString());
    assertThat(specific.path("notify_in_app").asBoolean()).isFalse();
    assertThat(everywhere.path("target_model_name").asString()).isEqualTo("llama3:8b");
    assertThat(everywhere.path("enabled").asBoolean()).isFalse();
    JsonNode threshold = slow.path("threshold_config");
    assertThat(threshold.path("metric").asString()).isEqualTo("ttft_ms");
    assertThat(threshold.path("statistic").asString()).isEqualTo("p95");
    assertThat(threshold.path("threshold").asDouble()).isEqualTo(2000.0);
    assertThat(threshold.path("window_minutes").asInt()).isEqualTo(15);
    assertThat(threshold.path("min_samples").asInt()).isEqualTo(3);

    JsonNode list = admin("GET", RULES, null).json();
    assertThat(list.valueStream().map(r -> r.path("name").asString()))
        .containsExactly("Anything down", "GPT down", "Llama gone", "Slow first token");

    String slowKey = ConfigKeys.llmRule(slow.path("id").asString());
    LlmAlertRuleConfig published = publishedRule(slowKey, rule -> true);
    assertThat(published.ruleType()).isEqualTo(LlmAlertRuleConfig.PERFORMANCE_DEGRADATION);
    assertThat(published.name()).isEqualTo("Slow first token");
    assertThat(published.threshold().metric()).isEqualTo("ttft_ms");
    assertThat(published.threshold().statistic()).isEqualTo("p95");
    assertThat(published.threshold().threshold()).isEqualTo(2000.0);
    assertThat(published.threshold().windowMinutes()).isEqualTo(15);
    assertThat(published.threshold().minSamples()).isEqualTo(3);
    LlmAlertRuleConfig publishedSpecific =
        publishedRule(ConfigKeys.llmRule(specific.path("id").asString()), rule -> true);
    assertThat(publishedSpecific.targetModelId()).isEqualTo(model.toString());
    assertThat(publishedSpecific.notifyInApp()).isFalse();
  }

  @Test
  void invalidRulesAre422NamingTheProblemAndWriteNothing() {
    UUID missing = UUID.randomUUID();
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"model_slow\"}",
        "rule_type must be one of any_model_down, specific_model_down,"
            + " model_unavailable_everywhere, performance_degradation, camera_detection, got"
            + " 'model_slow'");
    assertUnprocessable("{\"name\": \"x\"}", "rule_type is required");
    assertUnprocessable("{\"rule_type\": \"any_model_down\"}", "name is required");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"specific_model_down\"}",
        "target_model_id is required for specific_model_down");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"specific_model_down\", \"target_model_id\": \"%s\"}"
            .formatted(missing),
        "target_model_id: no model " + missing);
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"specific_model_down\", \"target_model_id\": \"7\"}",
        "target_model_id");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"model_unavailable_everywhere\"}",
        "target_model_name is required for model_unavailable_everywhere");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"performance_degradation\"}",
        "threshold_config is required for performance_degradation");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"performance_degradation\", \"threshold_config\":"
            + " {\"metric\": \"cost\", \"statistic\": \"p99\", \"threshold\": -1,"
            + " \"window_minutes\": 0, \"min_samples\": 0}}",
        "threshold_config.metric must be one of ttft_ms, latency_ms, tps, got 'cost';"
            + " threshold_config.min_samples must be between 1 and 1000;"
            + " threshold_config.statistic must be one of p50, p95, mean, got 'p99';"
            + " threshold_config.threshold must not be negative;"
            + " threshold_config.window_minutes must be between 1 and 1440");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"performance_degradation\", \"threshold_config\":"
            + " {\"metric\": \"tps\"}}",
        "threshold_config.threshold is required");

    assertThat(rows.count("SELECT count(*) FROM llm_alert_rules")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void aPatchChangesTheNamedFieldsAndMeetsTheRulesOfACreate() {
    // Given
    UUID model = model("gpt-4.1");
    String id =
        create("{\"name\": \"Down\", \"rule_type\": \"any_model_down\"}").path("id").asString();

    // When
    Response renamed =
        admin("PATCH", RULES + "/" + id, "{\"name\": \"Any model down\", \"enabled\": false}");
    Response incomplete =
        admin("PATCH", RULES + "/" + id, "{\"rule_type\": \"specific_model_down\"}");
    Response retargeted =
        admin(
            "PATCH",
            RULES + "/" + id,
            "{\"rule_type\": \"specific_model_down\", \"target_model_id\": \"%s\"}"
                .formatted(model));

    // Then
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("name").asString()).isEqualTo("Any model down");
    assertThat(renamed.json().path("enabled").asBoolean()).isFalse();
    assertThat(renamed.json().path("rule_type").asString()).isEqualTo("any_model_down");
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.json().path("detail").asString())
        .isEqualTo("target_model_id is required for specific_model_down");
    assertThat(retargeted.status()).isEqualTo(200);
    assertThat(retargeted.json().path("name").asString()).isEqualTo("Any model down");
    assertThat(retargeted.json().path("target_model_id").asString()).isEqualTo(model.toString());

    LlmAlertRuleConfig published =
        publishedRule(ConfigKeys.llmRule(id), rule -> rule.targetModelId() != null);
    assertThat(published.ruleType()).isEqualTo(LlmAlertRuleConfig.SPECIFIC_MODEL_DOWN);
    assertThat(published.enabled()).isFalse();
    assertThat(published.targetModelId()).isEqualTo(model.toString());

    assertThat(admin("PATCH", RULES + "/" + id, "[1]").status()).isEqualTo(422);
    assertThat(admin("PATCH", RULES + "/" + UUID.randomUUID(), "{\"name\": \"x\"}").status())
        .isEqualTo(404);
  }

  @Test
  void aDeletedRuleIsGoneAndTombstoned() {
    String id =
        create("{\"name\": \"Down\", \"rule_type\": \"any_model_down\"}").path("id").asString();

    assertThat(admin("DELETE", RULES + "/" + id, null).status()).isEqualTo(204);
    assertThat(admin("DELETE", RULES + "/" + id, null).status()).isEqualTo(404);
    assertThat(admin("GET", RULES, null).json().isEmpty()).isTrue();

    String key = ConfigKeys.llmRule(id);
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
            Topics.CONFIG.name(),
            read -> read.stream().anyMatch(r -> key.equals(r.key()) && r.value() == null));
    assertThat(records.stream().filter(r -> key.equals(r.key())).toList().getLast().value())
        .isNull();
  }

  @Test
  void readsNeedReadModelsAndChangesWriteModels() {
    String reader = newKey("\"read:models\"");
    String body = "{\"name\": \"Down\", \"rule_type\": \"any_model_down\"}";
    assertThat(as(reader, "GET", RULES, null).status()).isEqualTo(200);
    assertThat(as(reader, "POST", RULES, body).status()).isEqualTo(403);
    assertThat(api.send("GET", RULES).status()).isEqualTo(401);
    assertThat(api.send("POST", RULES, body).status()).isEqualTo(401);
  }

  private JsonNode create(String json) {
    Response created = admin("POST", RULES, json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private void assertUnprocessable(String body, String detail) {
    Response response = admin("POST", RULES, body);
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).contains(detail);
  }

  /** The first rule published under {@code key} on argus.config that meets {@code wanted}. */
  private static LlmAlertRuleConfig publishedRule(
      String key, Predicate<LlmAlertRuleConfig> wanted) {
    List<LlmAlertRuleConfig> published =
        rulesUnder(
            key,
            readUntil(
                Topics.CONFIG.name(), read -> rulesUnder(key, read).stream().anyMatch(wanted)));
    return published.stream()
        .filter(wanted)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError("no such rule under " + key + " on argus.config: " + published));
  }

  private static List<LlmAlertRuleConfig> rulesUnder(
      String key, List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .filter(r -> key.equals(r.key()) && r.value() != null)
        .map(
            r -> {
              ConfigEntry entry =
                  Topics.CONFIG.valueSerde().deserializer().deserialize(r.topic(), r.value());
              return entry.llmRule();
            })
        .toList();
  }
}
