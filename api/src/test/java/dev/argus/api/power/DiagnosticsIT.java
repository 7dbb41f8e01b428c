package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** GET /api/diagnostics from collector_status and devices rows. */
class DiagnosticsIT extends RunningApiTest {

  @Test
  void perCollectorStateWithTotalsOverLiveCollectors() throws Exception {
    // Given: a live collector and one silent for a day, two devices of which one is enabled
    Instant now = Instant.now();
    rows.heartbeat(
        "collector-a",
        now,
        false,
        Instant.parse("2026-05-27T10:00:00Z"),
        Instant.parse("2026-05-27T10:00:02Z"),
        "t-1");
    rows.heartbeat("collector-b", now.minusSeconds(86_400), false, null, null, null);
    rows.device("ups-1", "UPS 1");
    rows.device("ups-2", "UPS 2");
    rows.execute("UPDATE devices SET enabled = false WHERE id = 'ups-2'");

    // When
    Response response = api.get("/api/diagnostics");

    // Then
    assertThat(response.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"collectors": [
           {"collector_id": "collector-a", "alive": true, "scheduler_running": true,
            "scheduler_paused": false, "poll_in_progress": false, "devices_configured": 3,
            "targets_configured": 2, "last_cycle_started_at": "2026-05-27T10:00:00Z",
            "last_cycle_completed_at": "2026-05-27T10:00:02Z", "last_cycle_duration_ms": 250,
            "last_cycle_devices_polled": 3, "last_cycle_errors": 1, "last_trigger_id": "t-1"},
           {"collector_id": "collector-b", "alive": false, "last_cycle_started_at": null,
            "last_cycle_duration_ms": null}],
         "totals": {"collectors": 2, "collectors_alive": 1, "devices_configured": 3,
                    "targets_configured": 2, "last_cycle_devices_polled": 3,
                    "last_cycle_errors": 1},
         "devices": {"known": 2, "enabled": 1}}
        """,
        response.body(),
        JSONCompareMode.LENIENT);
  }
}
