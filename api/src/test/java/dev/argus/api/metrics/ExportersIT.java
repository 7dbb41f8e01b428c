package dev.argus.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;

/** enabled_exporters gates /api/energy and /metrics; /metrics serves the newest snapshots. */
class ExportersIT extends RunningApiTest {

  @Test
  void metricsAre404UntilPrometheusIsEnabled() throws Exception {
    Response disabled = api.get("/metrics");

    assertThat(disabled.status()).isEqualTo(404);
    JSONAssert.assertEquals(
        "{\"detail\": \"The prometheus exporter is not enabled (enabled_exporters).\"}",
        disabled.body(),
        true);
  }

  @Test
  void energyIs404WhenItsExporterIsDisabled() throws Exception {
    assertThat(api.get("/api/energy").status()).isEqualTo(200);

    api.send("PUT", "/api/config", "{\"enabled_exporters\": [\"postgres\"]}");

    Response totals = api.get("/api/energy");
    Response daily = api.get("/api/energy/daily");
    assertThat(totals.status()).isEqualTo(404);
    JSONAssert.assertEquals(
        "{\"detail\": \"The energy exporter is not enabled (enabled_exporters).\"}",
        totals.body(),
        true);
    assertThat(daily.status()).isEqualTo(404);
  }

  @Test
  void metricsShowTheNewestSnapshotPerDevice() {
    // Given: prometheus enabled, a UPS with an old and a new snapshot and an energy total
    api.send("PUT", "/api/config", "{\"enabled_exporters\": [\"postgres\", \"prometheus\"]}");
    rows.execute(
        "INSERT INTO devices (id, name, last_seen) VALUES ('ups-main', 'Main',"
            + " '2026-05-27T10:05:00Z')");
    rows.snapshot("ups-main", "2026-05-27T10:00:00Z", 300.0);
    rows.execute(
        """
        INSERT INTO power_snapshots (ts, device_id, device_type, power_watts, load_percent,
            voltage, battery_percent, runtime_seconds, ups_status, temperature_c)
        VALUES ('2026-05-27T10:05:00Z', 'ups-main', 'ups', 450, 55, 229.5, 97, 1500,
            'OB DISCHRG LB', 31.5)
        """);
    rows.failedPoll("ups-main", "2026-05-27T10:10:00Z");
    rows.execute(
        "INSERT INTO energy_totals (device_id, wh_total, as_of, last_power_watts, gaps_skipped)"
            + " VALUES ('ups-main', 12340.5, '2026-05-27T10:05:00Z', 450, 0)");

    // When
    Response metrics = api.get("/metrics");

    // Then
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType().replace(" ", "")).startsWith("text/plain;version=0.0.4");
    Map<String, Double> series = PowerMetricsTest.parse(metrics.body());
    assertThat(series)
        .containsEntry("argus_ups_power_watts{device_id=ups-main}", 450.0)
        .containsEntry("argus_ups_load_percent{device_id=ups-main}", 55.0)
        .containsEntry("argus_ups_battery_charge_percent{device_id=ups-main}", 97.0)
        .containsEntry("argus_ups_battery_runtime_seconds{device_id=ups-main}", 1500.0)
        .containsEntry("argus_ups_input_voltage_volts{device_id=ups-main}", 229.5)
        .containsEntry("argus_ups_temperature_celsius{device_id=ups-main}", 31.5)
        .containsEntry("argus_ups_status{device_id=ups-main,flag=OB}", 1.0)
        .containsEntry("argus_ups_status{device_id=ups-main,flag=LB}", 1.0)
        .containsEntry("argus_ups_status{device_id=ups-main,flag=OL}", 0.0)
        .containsEntry("argus_energy_wh_total{device_id=ups-main}", 12340.5)
        .containsEntry("argus_device_last_seen_timestamp_seconds{device_id=ups-main}", 1.7798763E9);
  }
}
