package dev.argus.api.llm.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/alerts}: the alerts the processor stored in {@code llm_alerts} (written here
 * through the owner connection, as the sink would), listed, counted and acknowledged.
 */
class LlmAlertsIT extends BenchmarksAndAlertsApiTest {

  private final UUID ruleA = UUID.randomUUID();
  private final UUID ruleB = UUID.randomUUID();

  @Test
  void theListFiltersByRuleAcknowledgementAndTimeNewestFirst() {
    // Given
    UUID model = UUID.randomUUID();
    UUID oldest = alert(ruleA, model, "high", "2026-12-03 08:00:00+00", null, false);
    UUID middle =
        alert(ruleB, null, "critical", "2026-12-03 09:00:00+00", "2026-12-03 09:30:00+00", true);
    UUID newest = alert(ruleA, model, "medium", "2026-12-03 10:00:00+00", null, false);

    // When
    JsonNode all = admin("GET", "/api/v1/alerts", null).json();
    JsonNode ofRuleA = admin("GET", "/api/v1/alerts?rule_id=" + ruleA, null).json();
    JsonNode acknowledged = admin("GET", "/api/v1/alerts?acknowledged=true", null).json();
    JsonNode since =
        admin("GET", "/api/v1/alerts?since=2026-12-03T09:00:00Z&acknowledged=false", null).json();
    JsonNode page = admin("GET", "/api/v1/alerts?limit=1&offset=1", null).json();

    // Then
    assertThat(ids(all)).containsExactly(newest, middle, oldest);
    assertThat(all.path("unacknowledged_count").asLong()).isEqualTo(2);
    assertThat(all.path("total").asLong()).isEqualTo(3);
    JsonNode first = all.path("items").get(0);
    assertThat(first.path("rule_id").asString()).isEqualTo(ruleA.toString());
    assertThat(first.path("rule_name").asString()).isEqualTo("Models down");
    assertThat(first.path("rule_type").asString()).isEqualTo("any_model_down");
    assertThat(first.path("model_id").asString()).isEqualTo(model.toString());
    assertThat(first.path("severity").asString()).isEqualTo("medium");
    assertThat(first.path("message").asString()).isEqualTo("gpt-4.1 is down: HTTP 500");
    assertThat(first.path("status").asString()).isEqualTo("open");
    assertThat(first.path("opened_at").asString()).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(first.path("resolved_at").isNull()).isTrue();
    assertThat(first.path("acknowledged_at").isNull()).isTrue();
    JsonNode resolved = all.path("items").get(1);
    assertThat(resolved.path("status").asString()).isEqualTo("resolved");
    assertThat(resolved.path("model_id").isNull()).isTrue();

    assertThat(ids(ofRuleA)).containsExactly(newest, oldest);
    assertThat(ofRuleA.path("unacknowledged_count").asLong()).isEqualTo(2);
    assertThat(ids(acknowledged)).containsExactly(middle);
    assertThat(ids(since)).containsExactly(newest);
    assertThat(ids(page)).containsExactly(middle);
    assertThat(page.path("total").asLong()).isEqualTo(3);
  }

  @Test
  void acknowledgingCountsDownTheUnreadAndKeepsTheFirstTime() {
    // Given
    UUID alert = alert(ruleA, null, "high", "2026-12-03 10:00:00+00", null, false);
    alert(ruleA, null, "high", "2026-12-03 10:01:00+00", null, false);
    assertThat(admin("GET", "/api/v1/alerts/unread-count", null).json().path("count").asLong())
        .isEqualTo(2);

    // When
    Response first = admin("PATCH", "/api/v1/alerts/" + alert + "/acknowledge", null);
    Response again = admin("PATCH", "/api/v1/alerts/" + alert + "/acknowledge", null);

    // Then
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("acknowledged").asBoolean()).isTrue();
    String at = first.json().path("acknowledged_at").asString();
    assertThat(at).isNotBlank();
    assertThat(again.json().path("acknowledged_at").asString()).isEqualTo(at);
    assertThat(admin("GET", "/api/v1/alerts/unread-count", null).json().path("count").asLong())
        .isEqualTo(1);
    assertThat(admin("GET", "/api/v1/alerts", null).json().path("unacknowledged_count").asLong())
        .isEqualTo(1);

    Response unknown = admin("PATCH", "/api/v1/alerts/" + UUID.randomUUID() + "/acknowledge", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(admin("PATCH", "/api/v1/alerts/7/acknowledge", null).status()).isEqualTo(422);
  }

  @Test
  void recentShowsTheNewestTenByDefaultAndAtMostFifty() {
    // Given
    List<UUID> alerts =
        IntStream.range(0, 12)
            .mapToObj(
                i ->
                    alert(
                        ruleA,
                        null,
                        "high",
                        "2026-12-03 10:%02d:00+00".formatted(i),
                        null,
                        i % 2 == 0))
            .toList();

    // When
    JsonNode recent = admin("GET", "/api/v1/alerts/recent", null).json();
    JsonNode three = admin("GET", "/api/v1/alerts/recent?limit=3", null).json();

    // Then
    assertThat(ids(recent)).hasSize(10).first().isEqualTo(alerts.getLast());
    assertThat(recent.path("total_unread").asLong()).isEqualTo(6);
    assertThat(ids(three)).containsExactly(alerts.get(11), alerts.get(10), alerts.get(9));
    Response tooMany = admin("GET", "/api/v1/alerts/recent?limit=51", null);
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.json().path("detail").asString())
        .isEqualTo("limit must be between 1 and 50");
  }

  @Test
  void badFiltersAre422() {
    assertThat(
            admin("GET", "/api/v1/alerts?since=yesterday", null).json().path("detail").asString())
        .isEqualTo(
            "since must be a date-time with an offset like 2026-05-27T12:00:00Z, got 'yesterday'");
    assertThat(admin("GET", "/api/v1/alerts?rule_id=7", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/alerts?acknowledged=maybe", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/alerts?limit=501", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/alerts?offset=-1", null).status()).isEqualTo(422);
  }

  @Test
  void readsNeedReadModelsAndAcknowledgingWriteModels() {
    UUID alert = alert(ruleA, null, "high", "2026-12-03 10:00:00+00", null, false);
    String reader = newKey("\"read:models\"");
    assertThat(as(reader, "GET", "/api/v1/alerts", null).status()).isEqualTo(200);
    assertThat(as(reader, "GET", "/api/v1/alerts/recent", null).status()).isEqualTo(200);
    assertThat(as(reader, "PATCH", "/api/v1/alerts/" + alert + "/acknowledge", null).status())
        .isEqualTo(403);
    assertThat(api.send("GET", "/api/v1/alerts/unread-count").status()).isEqualTo(401);
    assertThat(rows.count("SELECT count(*) FROM llm_alerts WHERE acknowledged")).isZero();
  }

  /** An alert as the processor's sink stores it. */
  private UUID alert(
      UUID rule,
      UUID model,
      String severity,
      String openedAt,
      String resolvedAt,
      boolean acknowledged) {
    UUID id = UUID.randomUUID();
    rows.execute(
        """
        INSERT INTO llm_alerts (id, rule_id, rule_name, rule_type, model_id, subject, severity,
            message, opened_at, resolved_at, acknowledged, acknowledged_at)
        VALUES ('%s', '%s', 'Models down', 'any_model_down', %s, '%s', '%s',
            'gpt-4.1 is down: HTTP 500', TIMESTAMPTZ '%s', %s, %s, %s)
        """
            .formatted(
                id,
                rule,
                model == null ? "NULL" : "'" + model + "'",
                model == null ? "gpt-4.1" : model,
                severity,
                openedAt,
                resolvedAt == null ? "NULL" : "TIMESTAMPTZ '" + resolvedAt + "'",
                acknowledged,
                acknowledged ? "TIMESTAMPTZ '" + openedAt + "'" : "NULL"));
    return id;
  }

  private static List<UUID> ids(JsonNode page) {
    return page.path("items")
        .valueStream()
        .map(item -> UUID.fromString(item.path("id").asString()))
        .toList();
  }
}
