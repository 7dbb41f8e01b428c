package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;

/** GET /api/snapshots and /api/snapshots/latest over HTTP against rows in PostgreSQL. */
class SnapshotsIT extends RunningApiTest {

  @Test
  void servesTheSeedShapeWithNullsForUnreportedValues() throws Exception {
    // Given: one full row as the sink writes it, without a temperature
    rows.execute(
        """
        INSERT INTO power_snapshots (id, ts, device_id, device_type, collector_id, power_watts,
            load_percent, voltage, output_voltage, input_frequency, output_current,
            battery_percent, runtime_seconds, ups_status)
        VALUES (1, '2026-05-27T10:00:00Z', 'ups-main', 'ups', 'collector-1', 450.0, 55.0, 120.0,
            119.5, 60.0, 3.75, 100.0, 3600.0, 'OL')
        """);

    // When
    Response response = api.get("/api/snapshots");

    // Then
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JSONAssert.assertEquals(
        """
        {"page": 1, "page_size": 50, "total": 1, "total_is_estimate": false, "items": [{
          "id": 1, "timestamp": "2026-05-27T10:00:00Z", "device_id": "ups-main",
          "device_type": "ups", "power_watts": 450.0, "load_percent": 55.0, "voltage": 120.0,
          "battery_percent": 100.0, "runtime_seconds": 3600.0, "ups_status": "OL",
          "temperature_c": null, "output_voltage": 119.5, "input_frequency": 60.0,
          "output_current": 3.75}]}
        """,
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void pagesNewestFirstCountingOnlySuccessfulPolls() {
    // Given: seven snapshots of two devices (two at the same instant) and one failed poll
    rows.snapshot("ups-a", "2026-05-27T10:00:00Z", 1);
    rows.snapshot("ups-b", "2026-05-27T10:00:00Z", 2);
    rows.snapshot("ups-a", "2026-05-27T10:01:00Z", 3);
    rows.snapshot("ups-b", "2026-05-27T10:02:00Z", 4);
    rows.snapshot("ups-a", "2026-05-27T10:03:00Z", 5);
    rows.snapshot("ups-b", "2026-05-27T10:04:00Z", 6);
    rows.snapshot("ups-a", "2026-05-27T10:05:00Z", 7);
    rows.failedPoll("ups-b", "2026-05-27T10:06:00Z");

    // When
    JsonNode first = api.get("/api/snapshots?page=1&page_size=3").json();
    JsonNode second = api.get("/api/snapshots?page=2&page_size=3").json();
    JsonNode third = api.get("/api/snapshots?page=3&page_size=3").json();
    JsonNode beyond = api.get("/api/snapshots?page=4&page_size=3").json();

    // Then
    assertThat(List.of(first, second, third, beyond))
        .allSatisfy(page -> assertThat(page.get("total").asLong()).isEqualTo(7));
    assertThat(powers(first)).containsExactly(7.0, 6.0, 5.0);
    // Same instant (10:00): ties are broken by device id, so ups-a (1 W) comes before ups-b (2 W).
    assertThat(powers(second)).containsExactly(4.0, 3.0, 1.0);
    assertThat(powers(third)).containsExactly(2.0);
    assertThat(beyond.get("items").size()).isZero();
    assertThat(second.get("page").asInt()).isEqualTo(2);
    assertThat(second.get("page_size").asInt()).isEqualTo(3);
  }

  @Test
  void filtersByDevice() {
    // Given
    rows.snapshot("ups-a", "2026-05-27T10:00:00Z", 1);
    rows.snapshot("ups-b", "2026-05-27T10:01:00Z", 2);
    rows.snapshot("ups-a", "2026-05-27T10:02:00Z", 3);

    // When
    JsonNode page = api.get("/api/snapshots?device_id=ups-a").json();
    JsonNode unknown = api.get("/api/snapshots?device_id=nope").json();

    // Then
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(powers(page)).containsExactly(3.0, 1.0);
    assertThat(unknown.get("total").asLong()).isZero();
    assertThat(unknown.get("items").size()).isZero();
  }

  @Test
  void latestIsTheNewestSuccessfulSnapshotOverallAndPerDevice() {
    // Given: ups-b has the newest success; ups-a failed after its last success
    rows.snapshot("ups-a", "2026-05-27T10:00:00Z", 10);
    rows.snapshot("ups-a", "2026-05-27T10:01:00Z", 11);
    rows.snapshot("ups-b", "2026-05-27T10:02:00Z", 20);
    rows.failedPoll("ups-a", "2026-05-27T10:03:00Z");

    // When
    Response overall = api.get("/api/snapshots/latest");
    Response ofA = api.get("/api/snapshots/latest?device_id=ups-a");

    // Then
    assertThat(overall.status()).isEqualTo(200);
    assertThat(overall.json().get("device_id").asString()).isEqualTo("ups-b");
    assertThat(overall.json().get("timestamp").asString()).isEqualTo("2026-05-27T10:02:00Z");
    assertThat(ofA.status()).isEqualTo(200);
    assertThat(ofA.json().get("power_watts").asDouble()).isEqualTo(11.0);
    assertThat(ofA.json().get("timestamp").asString()).isEqualTo("2026-05-27T10:01:00Z");
  }

  @Test
  void latestIs404WhenThereIsNothingToServe() throws Exception {
    // Given: only a failed poll
    rows.failedPoll("ups-a", "2026-05-27T10:00:00Z");

    // When
    Response none = api.get("/api/snapshots/latest");
    Response noneForDevice = api.get("/api/snapshots/latest?device_id=ups-a");

    // Then
    assertThat(none.status()).isEqualTo(404);
    JSONAssert.assertEquals("{\"detail\": \"No snapshots yet\"}", none.body(), true);
    assertThat(noneForDevice.status()).isEqualTo(404);
    JSONAssert.assertEquals(
        "{\"detail\": \"No snapshot for device 'ups-a'\"}", noneForDevice.body(), true);
  }

  @Test
  void invalidParametersAre422OverHttp() throws Exception {
    Response response = api.get("/api/snapshots?page_size=1000");

    assertThat(response.status()).isEqualTo(422);
    JSONAssert.assertEquals(
        "{\"detail\": \"page_size must be between 1 and 200\"}", response.body(), true);
  }

  private static List<Double> powers(JsonNode page) {
    List<Double> powers = new ArrayList<>();
    page.get("items").forEach(item -> powers.add(item.get("power_watts").asDouble()));
    return powers;
  }
}
