package dev.argus.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api with a bootstrap admin key, for the target and alert-status tests (which share one
 * application context). The bootstrap key's general window is wide so that long tests do not hit
 * it; alert-status keeps its default of 120 per key. The pool waits longer for a connection than in
 * production, so that 150 simultaneous requests on this shared two-core machine are counted rather
 * than timed out (the tests prove exact counting, not latency).
 *
 * <p>Rows of the processor's tables ({@code target_status}, {@code probe_results}, {@code
 * target_events}) are written through the owner connection, as the sink would; the api may only
 * read them.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + TargetsApiTest.BOOTSTRAP,
      "argus.security.rate-limit-per-minute=100000",
      "spring.datasource.hikari.connection-timeout=30000"
    })
abstract class TargetsApiTest extends RunningApiTest {

  static final String BOOTSTRAP = "targets-bootstrap-admin-key-0123456789abcdef";

  @BeforeEach
  void emptyTargetTables() {
    rows.execute(
        "TRUNCATE targets, target_status, probe_results, target_events, config_outbox"
            + " RESTART IDENTITY");
  }

  Response admin(String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", BOOTSTRAP);
  }

  Response as(String key, String method, String path, String json) {
    return api.send(method, path, json, "x-api-key", key);
  }

  /** A new stored key with the given scopes, e.g. {@code "\"read:targets\""}. */
  String newKey(String scopesJson) {
    Response created =
        admin("POST", "/api/v1/api-keys", "{\"name\": \"test\", \"scopes\": [" + scopesJson + "]}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("key").asString();
  }

  /** Creates a target through the api and returns its id. */
  long target(String json) {
    Response created = admin("POST", "/api/v1/targets", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  long httpTarget(String name, int threshold) {
    return target(
        "{\"name\": \""
            + name
            + "\", \"type\": \"http\", \"address\": \"http://127.0.0.1:9/\","
            + " \"failure_threshold\": "
            + threshold
            + "}");
  }

  /**
   * The target's state as the processor's sink upserts it: down with {@code failures} in a row
   * since {@code streakStartedSql} (an SQL timestamp expression), or up when failures is 0.
   */
  void status(long targetId, int failures, String streakStartedSql) {
    boolean down = failures > 0;
    rows.execute(
        """
        INSERT INTO target_status (target_id, status, consecutive_failures, failure_threshold,
            alerting, streak_started_at, last_checked_at, last_response_ms, last_error)
        VALUES (%d, '%s', %d, 3, %s, %s, clock_timestamp(), %s, %s)
        ON CONFLICT (target_id) DO UPDATE SET status = EXCLUDED.status,
            consecutive_failures = EXCLUDED.consecutive_failures, alerting = EXCLUDED.alerting,
            streak_started_at = EXCLUDED.streak_started_at,
            last_checked_at = EXCLUDED.last_checked_at, last_response_ms = EXCLUDED.last_response_ms,
            last_error = EXCLUDED.last_error, updated_at = now()
        """
            .formatted(
                targetId,
                down ? "down" : "up",
                failures,
                failures >= 3,
                down ? streakStartedSql : "NULL",
                down ? "NULL" : "12.5",
                down ? "'connection refused'" : "NULL"));
  }

  void down(long targetId, int failures) {
    status(targetId, failures, "clock_timestamp() - interval '5 minutes'");
  }

  void up(long targetId) {
    status(targetId, 0, null);
  }

  String alertStatusBody() {
    Response response = admin("GET", "/api/v1/alert-status", null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
