package dev.argus.contract.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.events.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmWireTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
  private static final String MODEL = "6f1c2a52-4a7e-4b53-9a53-0d7c1f0e9a11";

  private static <T> T roundTrip(Topic<String, T> topic, T value, String expectedFragment) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(expectedFragment);
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }

  private static LlmProbeReading reading(
      boolean success, int outputChars, Double ttftMs, Double latencyMs, boolean truncated) {
    return new LlmProbeReading(
        LlmProbeReading.SCHEMA_VERSION,
        "r-1",
        "run-1",
        MODEL,
        "llama3:8b",
        "Llama 3",
        "prov-1",
        "ollama",
        "collector-1",
        AT,
        null,
        success,
        success ? null : "HTTP 500: boom",
        success ? 200 : 500,
        ttftMs,
        ttftMs,
        latencyMs,
        2.5,
        40.0,
        12,
        7,
        null,
        "usage",
        outputChars,
        truncated,
        "stop",
        1_000,
        5_000);
  }

  @Test
  void everyLlmConfigKindRoundTripsThroughTheConfigTopic() {
    var provider =
        ConfigEntry.of(
            new LlmProviderConfig(
                "prov-1",
                "azure_openai",
                "Azure prod",
                true,
                null,
                "westeurope",
                Map.of("api_key", "enc:v1:abc"),
                Map.of("deployment", "gpt-4o", "api_version", "2024-10-21")));
    var model =
        ConfigEntry.of(
            new LlmModelConfig(MODEL, "prov-1", "gpt-4.1", null, true, false, 800, null, 256));
    var monitoring = ConfigEntry.of(LlmMonitoringConfig.defaults());
    var rule =
        ConfigEntry.of(
            new LlmAlertRuleConfig(
                "rule-1",
                "slow",
                LlmAlertRuleConfig.PERFORMANCE_DEGRADATION,
                null,
                null,
                true,
                true,
                new LlmAlertRuleConfig.PerformanceThreshold("ttft_ms", "p95", 900, 15, 5)));

    assertThat(roundTrip(Topics.CONFIG, provider, "\"provider_type\":\"azure_openai\""))
        .isEqualTo(provider);
    assertThat(roundTrip(Topics.CONFIG, model, "\"enabled_for_monitoring\":true")).isEqualTo(model);
    assertThat(roundTrip(Topics.CONFIG, monitoring, "\"interval_minutes\":15"))
        .isEqualTo(monitoring);
    assertThat(roundTrip(Topics.CONFIG, rule, "\"window_minutes\":15")).isEqualTo(rule);
    assertThat(ConfigKeys.isLlmModel(ConfigKeys.llmModel(MODEL))).isTrue();
    assertThat(ConfigKeys.llmId(ConfigKeys.llmRule("rule-1"))).isEqualTo("rule-1");
    assertThat(model.llmModel().displayName()).isEqualTo("gpt-4.1");
  }

  @Test
  void readingsJobsAndBenchmarkRecordsRoundTrip() {
    var probe = reading(true, 42, 120.0, 900.0, false);
    var job =
        new LlmJob("job-1", LlmJob.BENCHMARK, "run-1", AT, List.of(MODEL), "short", 200, 3, 1, 1);
    var event = new BenchmarkEvent(1, "run-1", BenchmarkEvent.RESULT, AT, 1, 3, MODEL, probe, null);
    var summary = new BenchmarkStatistics.Summary(1.0, 2.0, 3.0, 2.0, 1.0, 3.0);
    var stats =
        new BenchmarkStatistics(
            "run-1",
            3,
            0,
            1.0,
            2.0,
            3.0,
            40.0,
            41.0,
            42.0,
            Map.of(
                MODEL,
                new BenchmarkStatistics.ModelStatistics(3, 0, summary, summary, summary, summary)),
            AT);
    var status =
        new LlmModelStatus(
            MODEL,
            "llama3:8b",
            "Llama 3",
            "prov-1",
            "ollama",
            LlmStatus.DEGRADED,
            AT,
            AT,
            0,
            1.0,
            2.0,
            null);

    assertThat(roundTrip(Topics.READINGS_LLM, probe, "\"token_source\":\"usage\""))
        .isEqualTo(probe);
    assertThat(roundTrip(Topics.LLM_JOBS, job, "\"warmup_runs\":1")).isEqualTo(job);
    assertThat(roundTrip(Topics.LLM_BENCHMARK, event, "\"type\":\"result\"")).isEqualTo(event);
    assertThat(roundTrip(Topics.LLM_BENCHMARK_STATS, stats, "\"by_model\"")).isEqualTo(stats);
    assertThat(roundTrip(Topics.LLM_STATUS, status, "\"status\":\"degraded\"")).isEqualTo(status);
  }

  @Test
  void aReadingIsDownOnAnErrorOrNoTextDegradedWhenSlowOrCutShortElseUp() {
    assertThat(reading(true, 42, 120.0, 900.0, false).status()).isEqualTo(LlmStatus.UP);
    assertThat(reading(false, 0, null, null, false).status()).isEqualTo(LlmStatus.DOWN);
    assertThat(reading(true, 0, 120.0, 900.0, false).status()).isEqualTo(LlmStatus.DOWN);
    assertThat(reading(true, 42, 1_200.0, 900.0, false).status()).isEqualTo(LlmStatus.DEGRADED);
    assertThat(reading(true, 42, 120.0, 6_000.0, false).status()).isEqualTo(LlmStatus.DEGRADED);
    assertThat(reading(true, 42, 120.0, 900.0, true).status()).isEqualTo(LlmStatus.DEGRADED);
  }

  @Test
  void rulesNeedWhatTheirTypeNeeds() {
    assertThatThrownBy(
            () -> new LlmAlertRuleConfig("r", "n", "every_model_sad", null, null, true, true, null))
        .hasMessageContaining("rule_type must be one of");
    assertThatThrownBy(
            () ->
                new LlmAlertRuleConfig(
                    "r", "n", LlmAlertRuleConfig.SPECIFIC_MODEL_DOWN, null, null, true, true, null))
        .hasMessage("target_model_id is required for specific_model_down");
    assertThatThrownBy(() -> new LlmAlertRuleConfig.PerformanceThreshold("ttft_ms", "p99", 1, 5, 1))
        .hasMessageContaining("statistic must be one of");
  }

  @Test
  void eachRuleTypeOpensAnEventOfItsSeverity() {
    assertThat(LlmEventType.openedBy(LlmAlertRuleConfig.ANY_MODEL_DOWN).severity())
        .isEqualTo(Severity.HIGH);
    assertThat(LlmEventType.openedBy(LlmAlertRuleConfig.MODEL_UNAVAILABLE_EVERYWHERE).severity())
        .isEqualTo(Severity.CRITICAL);
    assertThat(LlmEventType.openedBy(LlmAlertRuleConfig.PERFORMANCE_DEGRADATION).severity())
        .isEqualTo(Severity.MEDIUM);
    assertThat(LlmEventType.RECOVERED.severity()).isEqualTo(Severity.LOW);
    assertThat(LlmEventType.fromWireName("model_down")).isEqualTo(LlmEventType.MODEL_DOWN);
  }
}
