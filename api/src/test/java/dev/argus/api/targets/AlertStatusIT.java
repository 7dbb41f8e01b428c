package dev.argus.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/alert-status} as the alert seed describes it, over HTTP, on real PostgreSQL.
 */
class AlertStatusIT extends TargetsApiTest {

  private static final String SEED_TIMESTAMP =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00";

  @Test
  void withNothingFailingTheAnswerIsTheSeedsNoAlertsBody() {
    // Given: one healthy target
    up(httpTarget("Production Server", 3));

    // When
    JsonNode body = json(alertStatusBody());

    // Then
    assertThat(body.propertyNames())
        .containsExactly("alert", "failing_targets", "failing_count", "timestamp");
    assertThat(body.path("alert").asBoolean()).isFalse();
    assertThat(body.path("failing_targets").isArray()).isTrue();
    assertThat(body.path("failing_targets")).isEmpty();
    assertThat(body.path("failing_count").asInt()).isZero();
    assertThat(body.path("timestamp").asString()).matches(SEED_TIMESTAMP);
  }

  @Test
  void listsEnabledTargetsAtOrPastTheirCurrentThresholdInUnder500Bytes() throws Exception {
    // Given
    down(httpTarget("Production Server", 3), 5);
    down(httpTarget("Database", 3), 4);
    down(httpTarget("Below threshold", 3), 2);
    up(httpTarget("Healthy", 3));
    long disabled = httpTarget("Disabled", 3);
    down(disabled, 9);
    admin("PATCH", "/api/v1/targets/" + disabled, "{\"enabled\": false}");
    long lowered = httpTarget("Threshold lowered", 5);
    down(lowered, 2); // the status row was written when the threshold was 5 ...
    admin("PATCH", "/api/v1/targets/" + lowered, "{\"failure_threshold\": 2}"); // ... now it is 2
    httpTarget("Never probed", 1);

    // When
    String body = alertStatusBody();

    // Then
    JSONAssert.assertEquals(
        """
        {"alert": true,
         "failing_targets": [
           {"name": "Production Server", "status": "down", "failures": 5, "threshold": 3},
           {"name": "Database", "status": "down", "failures": 4, "threshold": 3},
           {"name": "Threshold lowered", "status": "down", "failures": 2, "threshold": 2}],
         "failing_count": 3}
        """,
        body,
        JSONCompareMode.STRICT_ORDER);
    assertThat(json(body).path("failing_targets").get(0).propertyNames())
        .containsExactly("name", "status", "failures", "threshold");
    assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(500);
  }

  @Test
  void anAcknowledgedTargetLeavesTheListUntilItFailsAnew() {
    // Given
    long server = httpTarget("Production Server", 3);
    down(server, 5);
    assertThat(failingNames()).containsExactly("Production Server");

    // When
    Response acknowledged = admin("POST", "/api/v1/targets/" + server + "/acknowledge", null);

    // Then
    assertThat(acknowledged.status()).isEqualTo(200);
    assertThat(acknowledged.json().path("current_status").path("acknowledged").asBoolean())
        .isTrue();
    assertThat(failingNames()).isEmpty();
    down(server, 6); // the same run of failures goes on: still silenced
    assertThat(failingNames()).isEmpty();

    // And when it recovers and a new run of failures starts after the acknowledgement
    up(server);
    status(server, 3, "clock_timestamp() + interval '1 second'");
    assertThat(failingNames()).containsExactly("Production Server");
  }

  @Test
  void aRecoveredTargetIsClearedAtOnce() {
    long server = httpTarget("Production Server", 3);
    down(server, 3);
    assertThat(failingNames()).containsExactly("Production Server");

    up(server);

    JsonNode body = json(alertStatusBody());
    assertThat(body.path("alert").asBoolean()).isFalse();
    assertThat(body.path("failing_count").asInt()).isZero();
  }

  @Test
  void anyValidKeyMayReadItAndBadKeysGetTheSeedsBodies() {
    down(httpTarget("Production Server", 3), 3);
    String eventsOnly = newKey("\"read:events\"");

    Response missing = api.send("GET", "/api/v1/alert-status", null);
    Response invalid = as("not-a-key", "GET", "/api/v1/alert-status", null);
    Response anyKey = as(eventsOnly, "GET", "/api/v1/alert-status", null);

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("{\"detail\":\"Missing API key in x-api-key header\"}");
    assertThat(invalid.status()).isEqualTo(401);
    assertThat(invalid.body()).isEqualTo("{\"detail\":\"Invalid or disabled API key\"}");
    assertThat(anyKey.status()).isEqualTo(200);
    assertThat(anyKey.json().path("failing_count").asInt()).isEqualTo(1);
  }

  @Test
  void aDatabaseFailureIsTheSeeds500() {
    // Given: the api's role loses its read access to the status table (authentication still works)
    rows.execute("REVOKE SELECT ON target_status FROM " + READ_ONLY_ROLE);
    try {
      // When
      Response failed = admin("GET", "/api/v1/alert-status", null);

      // Then
      assertThat(failed.status()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo("{\"detail\":\"Unable to fetch alert status\"}");
    } finally {
      rows.execute("GRANT SELECT ON target_status TO " + READ_ONLY_ROLE);
    }
  }

  @Test
  void admitsExactly120ConcurrentRequestsPerKeyInItsOwnWindow() throws Exception {
    // Given: a fresh key and 150 requests released at once
    String key = newKey("\"read:targets\"");
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 150; i++) {
        answers.add(
            clients.submit(
                () -> {
                  start.await();
                  return as(key, "GET", "/api/v1/alert-status", null);
                }));
      }

      // When
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get());
      }

      // Then
      List<Response> ok = responses.stream().filter(r -> r.status() == 200).toList();
      List<Response> limited = responses.stream().filter(r -> r.status() == 429).toList();
      assertThat(ok).hasSize(120);
      assertThat(limited).hasSize(30);
      assertThat(ok).allSatisfy(r -> assertThat(r.header("X-RateLimit-Limit")).isEqualTo("120"));
      assertThat(limited)
          .allSatisfy(
              r -> {
                assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
                assertThat(r.body())
                    .matches(
                        "\\{\"detail\":\"Rate limit exceeded\\. Try again in \\d+ seconds\\.\"}");
              });
    }
    // The key's general window (RATE_LIMIT_PER_MINUTE) is a separate one and still open.
    Response other = as(key, "GET", "/api/v1/targets", null);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.header("X-RateLimit-Limit")).isNotEqualTo("120");
  }

  private List<String> failingNames() {
    List<String> names = new ArrayList<>();
    json(alertStatusBody())
        .path("failing_targets")
        .forEach(t -> names.add(t.path("name").asString()));
    return names;
  }

  private static JsonNode json(String body) {
    return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
  }
}
