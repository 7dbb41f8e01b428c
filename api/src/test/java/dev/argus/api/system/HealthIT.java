package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/health with the collector_status rows the processor's sink writes. */
class HealthIT extends RunningApiTest {

  @Test
  void healthyWithoutCollectorsReportsNoScheduler() {
    // Given: no collector has ever sent a heartbeat
    long uptimeBefore = jvmUptimeSeconds();

    // When
    Response response = api.get("/api/health");

    // Then: the seed's three fields plus the database state, and no detail
    long uptimeAfter = jvmUptimeSeconds();
    assertThat(response.status()).isEqualTo(200);
    JsonNode health = response.json();
    assertThat(health.propertyNames())
        .containsExactly("status", "scheduler_running", "uptime_seconds", "database");
    assertThat(health.get("status").asString()).isEqualTo("healthy");
    assertThat(health.get("scheduler_running").isBoolean()).isTrue();
    assertThat(health.get("scheduler_running").asBoolean()).isFalse();
    assertThat(health.get("database").asString()).isEqualTo("ok");
    // The api runs in this JVM, so its uptime is this JVM's.
    assertThat(health.get("uptime_seconds").isIntegralNumber()).isTrue();
    assertThat(health.get("uptime_seconds").asLong()).isBetween(uptimeBefore - 1, uptimeAfter + 1);
  }

  @Test
  void schedulerRunsWhileAHeartbeatIsFresh() {
    // Given: a heartbeat well inside the default 60 s staleness
    rows.heartbeat("collector-1", Instant.now().minusSeconds(20), true);

    // When
    JsonNode health = api.get("/api/health").json();

    // Then
    assertThat(health.get("status").asString()).isEqualTo("healthy");
    assertThat(health.get("scheduler_running").asBoolean()).isTrue();
  }

  @Test
  void staleHeartbeatMeansNoScheduler() {
    // Given: the last heartbeat is older than the default 60 s staleness
    rows.heartbeat("collector-1", Instant.now().minus(Duration.ofSeconds(90)), true);

    // When
    JsonNode health = api.get("/api/health").json();

    // Then: the api itself is still healthy
    assertThat(health.get("status").asString()).isEqualTo("healthy");
    assertThat(health.get("scheduler_running").asBoolean()).isFalse();
  }

  @Test
  void freshHeartbeatOfAStoppedSchedulerDoesNotCount() {
    // Given: one collector is alive but paused, another running one went silent
    rows.heartbeat("collector-paused", Instant.now().minusSeconds(5), false);
    rows.heartbeat("collector-silent", Instant.now().minus(Duration.ofMinutes(10)), true);

    // When
    JsonNode health = api.get("/api/health").json();

    // Then
    assertThat(health.get("scheduler_running").asBoolean()).isFalse();
  }

  @Test
  void anyRunningCollectorIsEnough() {
    // Given
    rows.heartbeat("collector-paused", Instant.now().minusSeconds(5), false);
    rows.heartbeat("collector-running", Instant.now().minusSeconds(5), true);

    // When
    JsonNode health = api.get("/api/health").json();

    // Then
    assertThat(health.get("scheduler_running").asBoolean()).isTrue();
  }

  private static long jvmUptimeSeconds() {
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
  }
}
