package dev.argus.api.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With an exact-count limit of 0 every unfiltered list is "large": its total is the planner's
 * estimate and says so; a list filtered by device is counted exactly.
 */
class EstimatedTotalsIT extends RunningApiTest {

  @DynamicPropertySource
  static void alwaysEstimate(DynamicPropertyRegistry registry) {
    registry.add("argus.api.paging.exact-count-limit", () -> "0");
  }

  @Test
  void unfilteredTotalsAreEstimatesFilteredOnesExact() {
    // Given: 300 snapshots of two devices, with statistics as autovacuum would gather them
    rows.execute(
        """
        INSERT INTO power_snapshots (ts, device_id, device_type, power_watts)
        SELECT timestamptz '2026-05-27T00:00:00Z' + n * interval '1 minute',
               CASE WHEN n % 3 = 0 THEN 'ups-a' ELSE 'ups-b' END, 'ups', 100
        FROM generate_series(1, 300) AS n
        """);
    rows.execute("ANALYZE power_snapshots");

    // When
    JsonNode all = api.get("/api/snapshots?page_size=5").json();
    JsonNode ofA = api.get("/api/snapshots?page_size=5&device_id=ups-a").json();

    // Then
    assertThat(all.get("total_is_estimate").asBoolean()).isTrue();
    assertThat(all.get("total").asLong()).isBetween(250L, 350L);
    assertThat(all.get("items").size()).isEqualTo(5);
    assertThat(ofA.get("total_is_estimate").asBoolean()).isFalse();
    assertThat(ofA.get("total").asLong()).isEqualTo(100);
  }
}
