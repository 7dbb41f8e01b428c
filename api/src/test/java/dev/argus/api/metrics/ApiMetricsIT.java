package dev.argus.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import dev.argus.contract.metrics.Exposition;
import dev.argus.contract.metrics.MetricConventions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /metrics} over HTTP with the domains in the database: targets, models, cameras and the
 * AI ledger show beside the power series, with the api's own health (HTTP latencies, outbox depth,
 * JVM), every Argus name following Prometheus' conventions.
 */
class ApiMetricsIT extends RunningApiTest {

  // The outbox relay's advisory lock (OutboxRelay.RELAY_LOCK_ID): held, it keeps rows pending.
  private static final long RELAY_LOCK_ID = 0x6172677573_2d6366L;
  private static final long TARGET_UP = 91_001;
  private static final long TARGET_DOWN = 91_002;

  @Autowired DataSource dataSource;

  private final String provider = "Metrics-" + UUID.randomUUID().toString().substring(0, 8);
  private final UUID providerId = UUID.randomUUID();
  private final UUID fastModel = UUID.randomUUID();
  private final UUID downModel = UUID.randomUUID();
  private final UUID frontDoor = UUID.randomUUID();
  private final UUID garage = UUID.randomUUID();

  @BeforeEach
  void prometheusEnabled() {
    api.send("PUT", "/api/config", "{\"enabled_exporters\": [\"postgres\", \"prometheus\"]}");
  }

  @AfterEach
  void removeDomainRows() {
    rows.execute("DELETE FROM target_status WHERE target_id IN (91001, 91002)");
    rows.execute("DELETE FROM targets WHERE id IN (91001, 91002)");
    rows.execute(
        "DELETE FROM llm_model_status WHERE model_id IN ('"
            + fastModel
            + "', '"
            + downModel
            + "')");
    rows.execute(
        "DELETE FROM camera_status WHERE camera_id IN ('" + frontDoor + "', '" + garage + "')");
    rows.execute("DELETE FROM ai_usage WHERE provider = '" + provider + "'");
  }

  @Test
  void theDomainsShowBesideThePowerSeries() {
    // Given: a target up in 120 ms and one down, a model up with 0.4 s to the first token and one
    // down, a camera online and one offline, two AI calls, and a UPS
    target(TARGET_UP, "Web", "up", "120");
    target(TARGET_DOWN, "Mail", "down", "NULL");
    rows.execute(
        "INSERT INTO llm_providers (id, provider_type, display_name) VALUES ('"
            + providerId
            + "', 'openai', 'Local vLLM')");
    model(fastModel, "fast-7b", "up", "400");
    model(downModel, "big-70b", "down", "NULL");
    camera(frontDoor, "Front door", "online");
    camera(garage, "Garage", "offline");
    rows.execute(
        "INSERT INTO ai_usage (provider, model, purpose, success, cost_usd) VALUES ('"
            + provider
            + "', 'vision', 'describe', true, 0.25), ('"
            + provider
            + "', 'vision', 'event', true, 0.5)");
    rows.snapshot("ups-metrics", "2026-05-27T10:00:00Z", 300.0);
    rows.execute("INSERT INTO devices (id, name) VALUES ('ups-metrics', 'UPS')");

    // When (within the cache's few seconds, the rows are read)
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(scrape().samples("argus_target_up")).hasSizeGreaterThanOrEqualTo(2));
    Exposition scrape = scrape();

    // Then
    assertThat(scrape.value("argus_target_up", Map.of("target", "Web", "target_id", "91001")))
        .contains(1.0);
    assertThat(scrape.value("argus_target_up", Map.of("target", "Mail"))).contains(0.0);
    assertThat(scrape.value("argus_target_response_time_seconds", Map.of("target", "Web")))
        .contains(0.12);
    assertThat(scrape.value("argus_target_response_time_seconds", Map.of("target", "Mail")))
        .isEmpty();
    assertThat(scrape.value("argus_model_up", Map.of("provider", "Local vLLM", "model", "fast-7b")))
        .contains(1.0);
    assertThat(scrape.value("argus_model_up", Map.of("model", "big-70b"))).contains(0.0);
    assertThat(scrape.value("argus_model_ttft_seconds", Map.of("model", "fast-7b"))).contains(0.4);
    assertThat(scrape.value("argus_camera_up", Map.of("camera", "Front door"))).contains(1.0);
    assertThat(scrape.value("argus_camera_up", Map.of("camera", "Garage"))).contains(0.0);
    assertThat(scrape.value("argus_ai_cost_usd_total", Map.of("provider", provider)))
        .contains(0.75);
    assertThat(scrape.value("argus_ups_power_watts", Map.of("device_id", "ups-metrics")))
        .contains(300.0);
  }

  @Test
  void theOutboxDepthCountsTheRecordsNotYetPublished() throws Exception {
    // Given: the relay held off (as while another replica relays), three records in the outbox
    try (Connection connection = dataSource.getConnection();
        Statement lock = connection.createStatement()) {
      lock.execute("SELECT pg_advisory_lock(" + RELAY_LOCK_ID + ")");
      try {
        rows.execute("TRUNCATE config_outbox");
        for (String key : new String[] {"a", "b", "c"}) {
          rows.execute(
              "INSERT INTO config_outbox (record_key, record_value) VALUES ('metrics-"
                  + key
                  + "', '{}')");
        }

        // When / Then: the gauge shows them, once the cache has read them
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> assertThat(scrape().sum("argus_outbox_pending_records")).contains(3.0));
      } finally {
        lock.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK_ID + ")");
      }
    }
  }

  @Test
  void theApiReportsItsHttpLatenciesAndJvmUnderConventionalNames() {
    // Given: requests answered, one of them /metrics itself
    api.get("/api/health");
    scrape();

    // When
    Exposition scrape = scrape();

    // Then
    assertThat(
            scrape.value(
                "http_server_requests_seconds_count",
                Map.of("uri", "/metrics", "method", "GET", "status", "200")))
        .hasValueSatisfying(requests -> assertThat(requests).isGreaterThanOrEqualTo(1));
    assertThat(scrape.family("http_server_requests_seconds")).isPresent();
    assertThat(scrape.families())
        .extracting(Exposition.Family::name)
        .contains("jvm_memory_used_bytes", "argus_outbox_pending_records");
    assertThat(MetricConventions.violations(scrape)).isEmpty();
  }

  private Exposition scrape() {
    Response response = api.get("/metrics");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return Exposition.parse(response.body());
  }

  private void target(long id, String name, String status, String responseMs) {
    rows.execute(
        "INSERT INTO targets (id, name, type, address) VALUES ("
            + id
            + ", '"
            + name
            + "', 'http', 'http://example.test')");
    rows.execute(
        "INSERT INTO target_status (target_id, status, consecutive_failures, failure_threshold,"
            + " alerting, last_checked_at, last_response_ms) VALUES ("
            + id
            + ", '"
            + status
            + "', 0, 3, false, now(), "
            + responseMs
            + ")");
  }

  private void model(UUID id, String name, String status, String ttftMs) {
    rows.execute(
        "INSERT INTO llm_model_status (model_id, model_name, provider_id, provider_type, status,"
            + " last_checked_at, ttft_ms) VALUES ('"
            + id
            + "', '"
            + name
            + "', '"
            + providerId
            + "', 'openai', '"
            + status
            + "', now(), "
            + ttftMs
            + ")");
  }

  private void camera(UUID id, String name, String state) {
    rows.execute(
        "INSERT INTO camera_status (camera_id, camera_name, state, updated_at) VALUES ('"
            + id
            + "', '"
            + name
            + "', '"
            + state
            + "', now())");
  }
}
