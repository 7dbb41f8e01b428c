package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.LlmEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events of LLM alert rules ({@code source: llm} on {@code argus.events}, as the processor
 * publishes them) reach a webhook receiver through the alert providers with their severity, the
 * model's name in the title and the rule's message in the text; a recovery goes out past {@code
 * min_severity} like the power and target recoveries.
 */
class LlmAlertDeliveryIT extends AlertsApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void anLlmAlertIsDeliveredWithItsSeverityAndItsRecoveryFollows() throws Exception {
    // Given: a webhook that wants high and above
    String model = UUID.randomUUID().toString();
    String hook = "/" + unique("llm-hook");
    configure(
        """
        {"cooldown_minutes": 0, "send_recovery": true, "providers": [
          {"type": "webhook", "name": "%s", "url": "%s", "min_severity": "high"}]}
        """
            .formatted(unique("llm"), RECEIVER.url(hook)));
    Map<String, Object> metadata =
        Map.of(
            "alert_id", UUID.randomUUID().toString(),
            "rule_id", UUID.randomUUID().toString(),
            "rule_name", "Production models",
            "rule_type", "specific_model_down",
            "model_id", model,
            "model_name", "gpt-4.1",
            "message", "gpt-4.1 on OpenAI is down: HTTP 500 Internal Server Error");

    // When
    publish(
        llm(model, LlmEventType.MODEL_DOWN, T0, metadata),
        llm(model, LlmEventType.PERFORMANCE_DEGRADED, T0.plusSeconds(30), metadata),
        llm(model, LlmEventType.RECOVERED, T0.plusSeconds(60), metadata));

    // Then
    List<Map<String, Object>> deliveries = awaitDeliveries(model, 3);
    assertThat(deliveries)
        .extracting(r -> r.get("event_type") + ":" + r.get("outcome"))
        .containsExactly(
            "model_down:sent", "performance_degraded:skipped_severity", "llm_recovered:sent");
    List<HttpReceiver.Received> received = RECEIVER.to(hook);
    assertThat(received).hasSize(2);

    JsonNode down = JSON.readTree(received.getFirst().body());
    assertThat(down.path("source").asString()).isEqualTo("llm");
    assertThat(down.path("subject_id").asString()).isEqualTo(model);
    assertThat(down.path("event_type").asString()).isEqualTo("model_down");
    assertThat(down.path("severity").asString()).isEqualTo("high");
    assertThat(down.path("title").asString()).isEqualTo("[HIGH] model_down: gpt-4.1");
    assertThat(down.path("message").asString())
        .startsWith("gpt-4.1 on OpenAI is down: HTTP 500 Internal Server Error\n")
        .contains(
            "model_down on llm gpt-4.1 at 2026-12-03T10:00:00Z", "rule_name: Production models");
    assertThat(down.path("metadata").path("rule_type").asString()).isEqualTo("specific_model_down");

    JsonNode recovered = JSON.readTree(received.getLast().body());
    assertThat(recovered.path("severity").asString()).isEqualTo("low");
    assertThat(recovered.path("title").asString()).isEqualTo("[LOW] llm_recovered: gpt-4.1");
  }

  @Test
  void unavailableEverywhereIsCritical() throws Exception {
    String subject = "llama3:8b-" + unique("everywhere");
    String hook = "/" + unique("llm-critical");
    configure(
        """
        {"cooldown_minutes": 0, "providers": [
          {"type": "webhook", "name": "%s", "url": "%s", "min_severity": "critical"}]}
        """
            .formatted(unique("llm-crit"), RECEIVER.url(hook)));

    publish(
        llm(
            subject,
            LlmEventType.MODEL_UNAVAILABLE_EVERYWHERE,
            T0,
            Map.of(
                "rule_name", "Llama anywhere", "message", "llama3:8b is down on every provider")));

    assertThat(awaitDeliveries(subject, 1).getFirst()).containsEntry("outcome", "sent");
    JsonNode body = JSON.readTree(RECEIVER.to(hook).getFirst().body());
    assertThat(body.path("severity").asString()).isEqualTo("critical");
    assertThat(body.path("title").asString())
        .isEqualTo("[CRITICAL] model_unavailable_everywhere: Llama anywhere");
  }

  /** An LLM event as the processor publishes it (the contract's severity of its type). */
  private static DerivedEvent llm(
      String subject, LlmEventType type, Instant at, Map<String, Object> metadata) {
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        UUID.nameUUIDFromBytes((subject + type + at).getBytes()).toString(),
        DerivedEvent.SOURCE_LLM,
        subject,
        type.wireName(),
        type.severity(),
        at,
        metadata);
  }
}
