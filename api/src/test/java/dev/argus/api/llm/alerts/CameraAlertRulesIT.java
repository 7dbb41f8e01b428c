package dev.argus.api.llm.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code camera_detection} rules on {@code /api/v1/alerts/rules} over HTTP against a real
 * PostgreSQL and broker: stored beside the LLM rules, published as {@link CameraAlertRuleConfig}
 * under {@code camera-rule/…} (a tombstone for a delete), validated against the cameras that exist;
 * and the camera alerts the sink writes, listed with their camera and event.
 */
class CameraAlertRulesIT extends BenchmarksAndAlertsApiTest {

  private static final String RULES = "/api/v1/alerts/rules";

  @Test
  void aCameraRuleIsStoredBesideTheLlmRulesAndPublishedAsACameraRule() {
    // Given
    String door = camera("Front door");

    // When
    JsonNode rule =
        create(
            """
            {"name": "Someone at the door", "rule_type": "camera_detection",
             "camera_ids": ["%s"], "detection_types": ["Person", "ring", "person"]}
            """
                .formatted(door));
    JsonNode everything =
        create("{\"name\": \"Anything on camera\", \"rule_type\": \"camera_detection\"}");
    create("{\"name\": \"Anything down\", \"rule_type\": \"any_model_down\"}");

    // Then
    assertThat(rule.path("rule_type").asString()).isEqualTo("camera_detection");
    assertThat(rule.path("camera_ids").valueStream().map(JsonNode::asString)).containsExactly(door);
    assertThat(rule.path("detection_types").valueStream().map(JsonNode::asString))
        .containsExactly("person", "ring");
    assertThat(rule.path("enabled").asBoolean()).isTrue();
    assertThat(rule.path("target_model_id").isNull()).isTrue();
    assertThat(everything.path("camera_ids").isEmpty()).isTrue();
    JsonNode list = admin("GET", RULES, null).json();
    assertThat(list.valueStream().map(r -> r.path("rule_type").asString()))
        .containsExactly("camera_detection", "camera_detection", "any_model_down");
    assertThat(list.get(2).path("camera_ids").isEmpty()).isTrue();

    CameraAlertRuleConfig published =
        published(ConfigKeys.cameraRule(rule.path("id").asString())).getFirst();
    assertThat(published.name()).isEqualTo("Someone at the door");
    assertThat(published.cameraIds()).containsExactly(door);
    assertThat(published.detectionTypes()).containsExactly("person", "ring");
    assertThat(published.matches(door, "person")).isTrue();
    assertThat(published.matches(door, "vehicle")).isFalse();
    assertThat(
            readUntil(Topics.CONFIG.name(), read -> true).stream()
                .filter(r -> ConfigKeys.llmRule(rule.path("id").asString()).equals(r.key())))
        .isEmpty();
  }

  @Test
  void aPatchAndADeleteRepublishAndTombstoneTheCameraRule() {
    // Given
    String door = camera("Front door");
    String yard = camera("Yard");
    String id =
        create(
                """
                {"name": "Door", "rule_type": "camera_detection", "camera_ids": ["%s"]}
                """
                    .formatted(door))
            .path("id")
            .asString();
    String key = ConfigKeys.cameraRule(id);

    // When
    Response patched =
        admin(
            "PATCH",
            RULES + "/" + id,
            "{\"camera_ids\": [\"%s\", \"%s\"], \"detection_types\": [\"vehicle\"],"
                    .formatted(door, yard)
                + " \"enabled\": false}");
    Response deleted = admin("DELETE", RULES + "/" + id, null);

    // Then
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().path("camera_ids").size()).isEqualTo(2);
    assertThat(deleted.status()).isEqualTo(204);
    List<ConsumerRecord<String, byte[]>> records =
        readUntil(
                Topics.CONFIG.name(),
                read -> read.stream().anyMatch(r -> key.equals(r.key()) && r.value() == null))
            .stream()
            .filter(r -> key.equals(r.key()))
            .toList();
    assertThat(records).hasSize(3);
    CameraAlertRuleConfig changed = entry(records.get(1)).cameraRule();
    assertThat(changed.cameraIds()).containsExactly(door, yard);
    assertThat(changed.detectionTypes()).containsExactly("vehicle");
    assertThat(changed.enabled()).isFalse();
    assertThat(records.get(2).value()).isNull();
  }

  @Test
  void aRuleThatChangesKindLeavesATombstoneUnderItsFormerKey() {
    // Given
    String id =
        create("{\"name\": \"Was a model rule\", \"rule_type\": \"any_model_down\"}")
            .path("id")
            .asString();

    // When
    Response patched = admin("PATCH", RULES + "/" + id, "{\"rule_type\": \"camera_detection\"}");

    // Then
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    String former = ConfigKeys.llmRule(id);
    List<ConsumerRecord<String, byte[]>> underFormer =
        readUntil(
                Topics.CONFIG.name(),
                read -> read.stream().anyMatch(r -> former.equals(r.key()) && r.value() == null))
            .stream()
            .filter(r -> former.equals(r.key()))
            .toList();
    assertThat(underFormer).hasSize(2);
    assertThat(underFormer.get(1).value()).isNull();
    assertThat(published(ConfigKeys.cameraRule(id)).getFirst().name())
        .isEqualTo("Was a model rule");
  }

  @Test
  void invalidCameraRulesAre422NamingTheProblem() {
    String missing = UUID.randomUUID().toString();
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"camera_detection\", \"detection_types\": [\"ufo\"]}",
        "detection_types may hold person, vehicle, animal, package, ring, motion, got 'ufo'");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"camera_detection\", \"camera_ids\": [\"%s\"]}"
            .formatted(missing),
        "camera_ids: no camera " + missing);
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"camera_detection\", \"camera_ids\": [\"door\"]}",
        "camera_ids");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"camera_detection\","
            + " \"target_model_name\": \"llama3\"}",
        "are not for camera_detection rules");
    assertUnprocessable(
        "{\"name\": \"x\", \"rule_type\": \"any_model_down\", \"detection_types\": [\"person\"]}",
        "camera_ids and detection_types are for camera_detection rules only");
    assertThat(rows.count("SELECT count(*) FROM llm_alert_rules")).isZero();
  }

  @Test
  void aCameraAlertIsListedWithItsCameraAndEvent() {
    // Given: an alert as the sink writes it from a camera_detection event
    UUID alert = UUID.randomUUID();
    UUID rule = UUID.randomUUID();
    UUID camera = UUID.randomUUID();
    UUID event = UUID.randomUUID();
    rows.execute(
        """
        INSERT INTO llm_alerts (id, rule_id, rule_name, rule_type, model_id, camera_id, event_id,
            subject, severity, message, opened_at)
        VALUES ('%s', '%s', 'Door', 'camera_detection', NULL, '%s', '%s', 'Front door', 'medium',
            'person detected on Front door', TIMESTAMPTZ '2026-12-03T10:00:00Z')
        """
            .formatted(alert, rule, camera, event));

    // When
    JsonNode page = admin("GET", "/api/v1/alerts", null).json();

    // Then
    assertThat(page.path("total").asLong()).isEqualTo(1);
    JsonNode item = page.path("items").get(0);
    assertThat(item.path("rule_type").asString()).isEqualTo("camera_detection");
    assertThat(item.path("camera_id").asString()).isEqualTo(camera.toString());
    assertThat(item.path("event_id").asString()).isEqualTo(event.toString());
    assertThat(item.path("model_id").isNull()).isTrue();
    assertThat(item.path("subject").asString()).isEqualTo("Front door");
    assertThat(page.path("unacknowledged_count").asLong()).isEqualTo(1);
  }

  private String camera(String name) {
    Response created =
        admin(
            "POST",
            "/api/v1/cameras",
            "{\"name\": \"%s\", \"type\": \"snapshot\", \"url\": \"http://127.0.0.1/s.jpg\"}"
                .formatted(name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
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

  /** The camera rules published under {@code key} on argus.config, once there is one. */
  private static List<CameraAlertRuleConfig> published(String key) {
    return readUntil(
            Topics.CONFIG.name(),
            read -> read.stream().anyMatch(r -> key.equals(r.key()) && r.value() != null))
        .stream()
        .filter(r -> key.equals(r.key()) && r.value() != null)
        .map(r -> entry(r).cameraRule())
        .toList();
  }

  private static ConfigEntry entry(ConsumerRecord<String, byte[]> record) {
    return Topics.CONFIG.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }
}
