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

/** GET /api/events over HTTP against rows in PostgreSQL. */
class EventsIT extends RunningApiTest {

  @Test
  void servesTheSeedShapeWithMetadataAsAnObject() throws Exception {
    // Given
    long id =
        rows.event(
            "ups-main",
            "on_battery",
            "high",
            "2026-05-27T09:00:00Z",
            "{\"previous_status\": \"OL\", \"battery_percent\": 100.0}");

    // When
    Response response = api.get("/api/events");

    // Then
    assertThat(response.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        {"page": 1, "page_size": 50, "total": 1, "total_is_estimate": false, "items": [{
          "id": %d, "timestamp": "2026-05-27T09:00:00Z", "device_id": "ups-main",
          "event_type": "on_battery",
          "metadata": {"previous_status": "OL", "battery_percent": 100.0},
          "severity": "high"}]}
        """
            .formatted(id),
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void filtersByDeviceAndTypeNewestFirst() {
    // Given
    rows.event("ups-a", "on_battery", "high", "2026-05-27T09:00:00Z", "{}");
    rows.event("ups-a", "power_restored", "low", "2026-05-27T09:05:00Z", "{}");
    rows.event("ups-b", "on_battery", "high", "2026-05-27T09:10:00Z", "{}");
    rows.event("ups-a", "on_battery", "high", "2026-05-27T09:20:00Z", "{}");

    // When
    JsonNode onBattery = api.get("/api/events?event_type=on_battery").json();
    JsonNode ofA = api.get("/api/events?device_id=ups-a").json();
    JsonNode onBatteryOfA = api.get("/api/events?device_id=ups-a&event_type=on_battery").json();
    JsonNode firstOfTwoPages = api.get("/api/events?page_size=2").json();

    // Then
    assertThat(onBattery.get("total").asLong()).isEqualTo(3);
    assertThat(field(onBattery, "device_id")).containsExactly("ups-a", "ups-b", "ups-a");
    assertThat(ofA.get("total").asLong()).isEqualTo(3);
    assertThat(field(ofA, "event_type"))
        .containsExactly("on_battery", "power_restored", "on_battery");
    assertThat(onBatteryOfA.get("total").asLong()).isEqualTo(2);
    assertThat(field(onBatteryOfA, "timestamp"))
        .containsExactly("2026-05-27T09:20:00Z", "2026-05-27T09:00:00Z");
    assertThat(firstOfTwoPages.get("total").asLong()).isEqualTo(4);
    assertThat(field(firstOfTwoPages, "timestamp"))
        .containsExactly("2026-05-27T09:20:00Z", "2026-05-27T09:10:00Z");
  }

  @Test
  void unknownEventTypeIs422() {
    Response response = api.get("/api/events?event_type=ON_BATTERY");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").asString())
        .startsWith("event_type must be one of on_battery, power_restored,")
        .endsWith("got 'ON_BATTERY'");
  }

  private static List<String> field(JsonNode page, String name) {
    List<String> values = new ArrayList<>();
    page.get("items").forEach(item -> values.add(item.get(name).asString()));
    return values;
  }
}
