package dev.argus.processor.llm;

import static dev.argus.processor.llm.LlmDriver.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.Severity;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmAlertRuleConfig.PerformanceThreshold;
import dev.argus.processor.camera.CameraSettings;
import dev.argus.processor.energy.EnergySettings;
import dev.argus.processor.power.PowerEventSettings;
import dev.argus.processor.targets.TargetAlertSettings;
import dev.argus.processor.testing.LlmProbeBuilder;
import dev.argus.processor.topology.ProcessorTopology;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The four alert rule types evaluated on probe readings, with rules and models from {@code
 * argus.config}, through the production {@link LlmTopology} (and once through the whole {@code
 * ProcessorTopology}, which shares the power topology's config table).
 */
class LlmAlertsTopologyTest {

  private static final String MODEL_A = "00000000-0000-0000-0000-00000000000a";
  private static final String MODEL_B = "00000000-0000-0000-0000-00000000000b";
  private static final String MODEL_C = "00000000-0000-0000-0000-00000000000c";
  private static final String PROVIDER_1 = "0000000a-0000-0000-0000-000000000001";
  private static final String PROVIDER_2 = "0000000a-0000-0000-0000-000000000002";
  private static final String PROVIDER_3 = "0000000a-0000-0000-0000-000000000003";
  private static final String RULE = "0000000e-0000-0000-0000-000000000001";

  private LlmDriver llm;

  @AfterEach
  void closeDriver() throws IOException {
    if (llm != null) {
      llm.close();
    }
  }

  private static LlmAlertRuleConfig anyModelDown(boolean enabled) {
    return new LlmAlertRuleConfig(
        RULE, "Any model down", "any_model_down", null, null, enabled, true, null);
  }

  private static LlmAlertRuleConfig specificModelDown(String modelId) {
    return new LlmAlertRuleConfig(
        RULE, "A down", "specific_model_down", modelId, null, true, true, null);
  }

  private static LlmAlertRuleConfig everywhere(String modelName) {
    return new LlmAlertRuleConfig(
        RULE,
        "Nowhere to be had",
        "model_unavailable_everywhere",
        null,
        modelName,
        true,
        true,
        null);
  }

  private static LlmAlertRuleConfig degradation(
      String metric, String statistic, double threshold, int window, int minSamples) {
    return new LlmAlertRuleConfig(
        RULE,
        "Slow",
        "performance_degradation",
        null,
        null,
        true,
        true,
        new PerformanceThreshold(metric, statistic, threshold, window, minSamples));
  }

  private static LlmProbeBuilder probe(String model, int minute) {
    return LlmProbeBuilder.model(model).at(minute(minute));
  }

  private List<DerivedEvent> events() {
    return llm.events.readValuesToList();
  }

  private static Object alertId(DerivedEvent event) {
    return event.metadata().get("alert_id");
  }

  @Test
  void anyModelDownOpensOneAlertUntilTheModelRecoversAndALaterFailureANewOne() {
    // Given an any_model_down rule
    llm = LlmDriver.alone();
    llm.rule(anyModelDown(true));

    // When model A answers, fails twice, answers, fails again
    llm.send(probe(MODEL_A, 0).build());
    llm.send(probe(MODEL_A, 1).down("HTTP 500").build());
    llm.send(probe(MODEL_A, 2).down("HTTP 500").build());
    llm.send(probe(MODEL_A, 3).build());
    llm.send(probe(MODEL_A, 4).down("timeout").build());

    // Then: opened once (not again while open), recovered with the same alert id, opened anew
    List<TestRecord<String, DerivedEvent>> records = llm.events.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsOnly(MODEL_A);
    List<DerivedEvent> events = records.stream().map(TestRecord::value).toList();
    assertThat(events)
        .extracting(DerivedEvent::eventType)
        .containsExactly("model_down", "llm_recovered", "model_down");
    DerivedEvent opened = events.get(0);
    assertThat(opened.source()).isEqualTo(DerivedEvent.SOURCE_LLM);
    assertThat(opened.severity()).isEqualTo(Severity.HIGH);
    assertThat(opened.subjectId()).isEqualTo(MODEL_A);
    assertThat(opened.timestamp()).isEqualTo(minute(1));
    assertThat(opened.metadata())
        .containsEntry("rule_id", RULE)
        .containsEntry("rule_name", "Any model down")
        .containsEntry("rule_type", "any_model_down")
        .containsEntry("model_id", MODEL_A)
        .containsEntry("model_name", "gpt-4.1")
        .containsEntry("error", "HTTP 500")
        .containsEntry("consecutive_failures", 1)
        .containsEntry("message", "gpt-4.1 (openai) is down: HTTP 500");
    DerivedEvent recovered = events.get(1);
    assertThat(recovered.severity()).isEqualTo(Severity.LOW);
    assertThat(recovered.timestamp()).isEqualTo(minute(3));
    assertThat(alertId(recovered)).isEqualTo(alertId(opened));
    assertThat(recovered.metadata()).containsEntry("reason", "recovered");
    assertThat(alertId(events.get(2))).isNotNull().isNotEqualTo(alertId(opened));
    // And the open alert is in the model's state
    ModelState state =
        llm.driver.<String, ModelState>getKeyValueStore(LlmTopology.MODEL_STATE_STORE).get(MODEL_A);
    assertThat(state.openAlerts().get(RULE).alertId()).isEqualTo(alertId(events.get(2)));
  }

  @Test
  void anyModelDownKeepsOneAlertPerModel() {
    llm = LlmDriver.alone();
    llm.rule(anyModelDown(true));

    llm.send(probe(MODEL_A, 1).down("HTTP 500").build());
    llm.send(probe(MODEL_B, 1).down("HTTP 500").build());

    List<DerivedEvent> events = events();
    assertThat(events).extracting(DerivedEvent::subjectId).containsExactly(MODEL_A, MODEL_B);
    assertThat(alertId(events.get(0))).isNotEqualTo(alertId(events.get(1)));
  }

  @Test
  void specificModelDownWatchesItsModelOnly() {
    llm = LlmDriver.alone();
    llm.rule(specificModelDown(MODEL_A));

    llm.send(probe(MODEL_B, 1).down("HTTP 500").build());
    llm.send(probe(MODEL_A, 2).down("HTTP 401").build());
    llm.send(probe(MODEL_A, 3).down("HTTP 401").build());
    llm.send(probe(MODEL_A, 4).build());

    List<DerivedEvent> events = events();
    assertThat(events).extracting(DerivedEvent::subjectId).containsOnly(MODEL_A);
    assertThat(events)
        .extracting(DerivedEvent::eventType)
        .containsExactly("model_down", "llm_recovered");
    assertThat(events.get(0).metadata()).containsEntry("rule_type", "specific_model_down");
  }

  @Test
  void aDisabledRuleOpensNothing() {
    llm = LlmDriver.alone();
    llm.rule(anyModelDown(false));

    llm.send(probe(MODEL_A, 1).down("HTTP 500").build());

    assertThat(llm.events.isEmpty()).isTrue();
  }

  @Test
  void anOpenAlertOfADeletedRuleIsClosedOnTheNextProbe() {
    // Given an alert open for model A
    llm = LlmDriver.alone();
    llm.rule(anyModelDown(true));
    llm.send(probe(MODEL_A, 1).down("HTTP 500").build());
    DerivedEvent opened = events().getFirst();

    // When the rule is deleted and the model is still down
    llm.deleteRule(RULE);
    llm.send(probe(MODEL_A, 2).down("HTTP 500").build());
    llm.send(probe(MODEL_A, 3).down("HTTP 500").build());

    // Then the alert is closed once, saying why, and nothing opens again
    List<DerivedEvent> events = events();
    assertThat(events)
        .singleElement()
        .extracting(DerivedEvent::eventType)
        .isEqualTo("llm_recovered");
    assertThat(alertId(events.getFirst())).isEqualTo(alertId(opened));
    assertThat(events.getFirst().metadata())
        .containsEntry("reason", "rule_deleted")
        .containsEntry("message", "Alert closed: the rule 'Any model down' was deleted");
  }

  @Test
  void unavailableEverywhereNeedsEveryProviderOfThatExactModelIdDown() {
    // Given gpt-4.1 served by two providers, and gpt-4.1-mini (a longer id) by a third
    llm = LlmDriver.alone();
    llm.model(LlmDriver.monitoredModel(MODEL_A, PROVIDER_1, "gpt-4.1"));
    llm.model(LlmDriver.monitoredModel(MODEL_B, PROVIDER_2, "gpt-4.1"));
    llm.model(LlmDriver.monitoredModel(MODEL_C, PROVIDER_3, "gpt-4.1-mini"));
    llm.rule(everywhere("gpt-4.1"));

    // When one provider's gpt-4.1 is down, the mini model answers, then the other is down too
    llm.send(probe(MODEL_A, 1).named("gpt-4.1").down("HTTP 500").build());
    llm.send(probe(MODEL_C, 1).named("gpt-4.1-mini").build());
    assertThat(llm.events.isEmpty()).isTrue();
    llm.send(
        probe(MODEL_B, 2).named("gpt-4.1").provider(PROVIDER_2, "azure_openai").down("x").build());
    llm.send(probe(MODEL_A, 3).named("gpt-4.1").down("HTTP 500").build());
    llm.send(probe(MODEL_B, 4).named("gpt-4.1").provider(PROVIDER_2, "azure_openai").build());

    // Then one critical alert keyed by the model id, closed when one provider answers again
    List<TestRecord<String, DerivedEvent>> records = llm.events.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsOnly("gpt-4.1");
    assertThat(records)
        .extracting(r -> r.value().eventType())
        .containsExactly("model_unavailable_everywhere", "llm_recovered");
    DerivedEvent opened = records.get(0).value();
    assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(opened.subjectId()).isEqualTo("gpt-4.1");
    assertThat(opened.timestamp()).isEqualTo(minute(2));
    assertThat(opened.metadata())
        .containsEntry("model_name", "gpt-4.1")
        .containsEntry("model_ids", List.of(MODEL_A, MODEL_B))
        .containsEntry("providers_down", 2)
        .doesNotContainKey("model_id");
    assertThat(alertId(records.get(1).value())).isEqualTo(alertId(opened));
  }

  @Test
  void unavailableEverywhereMatchesTheModelIdExactlyNotAsASubstring() {
    // Given a rule for "gpt-4" while only gpt-4.1 and gpt-4.1-mini exist
    llm = LlmDriver.alone();
    llm.model(LlmDriver.monitoredModel(MODEL_A, PROVIDER_1, "gpt-4.1"));
    llm.model(LlmDriver.monitoredModel(MODEL_C, PROVIDER_3, "gpt-4.1-mini"));
    llm.rule(everywhere("gpt-4"));

    // When both are down
    llm.send(probe(MODEL_A, 1).named("gpt-4.1").down("HTTP 500").build());
    llm.send(probe(MODEL_C, 1).named("gpt-4.1-mini").down("HTTP 500").build());

    // Then nothing: no model has the id gpt-4
    assertThat(llm.events.isEmpty()).isTrue();
  }

  @Test
  void unavailableEverywhereLeavesOutModelsOfADisabledProvider() {
    llm = LlmDriver.alone();
    llm.provider(LlmDriver.provider(PROVIDER_2, false));
    llm.model(LlmDriver.monitoredModel(MODEL_A, PROVIDER_1, "gpt-4.1"));
    llm.model(LlmDriver.monitoredModel(MODEL_B, PROVIDER_2, "gpt-4.1"));
    llm.rule(everywhere("gpt-4.1"));

    llm.send(probe(MODEL_A, 1).named("gpt-4.1").down("HTTP 500").build());

    assertThat(llm.events.readValuesToList())
        .singleElement()
        .extracting(DerivedEvent::eventType)
        .isEqualTo("model_unavailable_everywhere");
  }

  @Test
  void degradationJudgesTheWindowOnlyWithEnoughSamples() {
    // Given: p95 of TTFT over the last 10 minutes above 1000 ms, at least 3 samples
    llm = LlmDriver.alone();
    llm.rule(degradation("ttft_ms", "p95", 1_000, 10, 3));

    // When two slow probes (too few), a third (breach), a fourth (still open)
    llm.send(probe(MODEL_A, 0).ttft(2_000.0).build());
    llm.send(probe(MODEL_A, 1).ttft(2_000.0).build());
    assertThat(llm.events.isEmpty()).isTrue();
    llm.send(probe(MODEL_A, 2).ttft(1_500.0).build());
    llm.send(probe(MODEL_A, 3).ttft(2_000.0).build());
    // a failed probe is not a sample
    llm.send(probe(MODEL_A, 19).down("HTTP 500").build());
    // and fast probes long after: the slow ones left the window; two are too few to decide
    llm.send(probe(MODEL_A, 20).ttft(100.0).build());
    llm.send(probe(MODEL_A, 21).ttft(100.0).build());
    List<DerivedEvent> events = events();
    assertThat(events).extracting(DerivedEvent::eventType).containsExactly("performance_degraded");
    DerivedEvent opened = events.getFirst();
    assertThat(opened.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(opened.timestamp()).isEqualTo(minute(2));
    // p95 of [1500, 2000, 2000]: position 1.9 → 2000
    assertThat((Double) opened.metadata().get("value")).isCloseTo(2_000.0, within(1e-9));
    assertThat(opened.metadata())
        .containsEntry("metric", "ttft_ms")
        .containsEntry("statistic", "p95")
        .containsEntry("threshold", 1_000.0)
        .containsEntry("window_minutes", 10)
        .containsEntry("samples", 3);

    // When a third fast probe makes enough samples
    llm.send(probe(MODEL_A, 22).ttft(100.0).build());

    // Then the alert recovers
    DerivedEvent recovered = events().getFirst();
    assertThat(recovered.eventType()).isEqualTo("llm_recovered");
    assertThat(alertId(recovered)).isEqualTo(alertId(opened));
    assertThat(recovered.metadata()).containsEntry("samples", 3);
  }

  @Test
  void degradationOfTokensPerSecondIsABreachBelowTheThreshold() {
    llm = LlmDriver.alone();
    llm.rule(degradation("tps", "mean", 20, 60, 2));

    llm.send(probe(MODEL_A, 0).tps(30.0).build());
    llm.send(probe(MODEL_A, 1).tps(12.0).build());
    llm.send(probe(MODEL_A, 2).tps(8.0).build());

    List<DerivedEvent> events = events();
    // mean of [30, 12] = 21 is above 20; mean of [30, 12, 8] = 16.67 is below
    assertThat(events).singleElement().extracting(DerivedEvent::timestamp).isEqualTo(minute(2));
    assertThat((Double) events.getFirst().metadata().get("value"))
        .isCloseTo(50.0 / 3, within(1e-9));
  }

  @Test
  void theComposedProcessorTopologyReadsTheRulesFromTheSharedConfigTable() {
    llm =
        new LlmDriver(
            new ProcessorTopology(
                    PowerEventSettings.defaults(),
                    EnergySettings.defaults(),
                    TargetAlertSettings.defaults(),
                    LlmSettings.defaults(),
                    CameraSettings.defaults())
                .build());
    llm.rule(anyModelDown(true));

    llm.send(probe(MODEL_A, 1).down("HTTP 500").build());

    assertThat(llm.events.readValuesToList())
        .singleElement()
        .extracting(DerivedEvent::eventType)
        .isEqualTo("model_down");
    assertThat(llm.statuses.readValuesToList()).hasSize(1);
  }
}
