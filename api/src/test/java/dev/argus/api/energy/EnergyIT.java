package dev.argus.api.energy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.RunningApiTest;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** GET /api/energy and /api/energy/daily over HTTP against rows the sink writes. */
class EnergyIT extends RunningApiTest {

  @Test
  void totalsPerDeviceWithTheSeedsFieldsAndWattHourPrecision() throws Exception {
    // Given
    rows.execute(
        """
        INSERT INTO energy_totals (device_id, wh_total, as_of, last_power_watts, gaps_skipped)
        VALUES ('ups-main', 12340.4567, '2026-05-27T10:00:00Z', 450, 0),
               ('pdu-rack1', 1.5, '2026-05-27T10:05:00Z', 90, 2)
        """);

    // When
    Response all = api.get("/api/energy");
    Response one = api.get("/api/energy?device_id=ups-main");

    // Then
    assertThat(all.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        [{"device_id": "pdu-rack1", "kwh_total": 0.002, "wh_total": 1.5, "cost_total": 0.00,
          "currency": "USD", "as_of": "2026-05-27T10:05:00Z"},
         {"device_id": "ups-main", "kwh_total": 12.340, "wh_total": 12340.4567,
          "cost_total": 1.85, "currency": "USD", "as_of": "2026-05-27T10:00:00Z"}]
        """,
        all.body(),
        JSONCompareMode.STRICT);
    JSONAssert.assertEquals("[{\"device_id\": \"ups-main\"}]", one.body(), JSONCompareMode.LENIENT);
    assertThat(one.body()).doesNotContain("pdu-rack1");
  }

  @Test
  void dailyTotalsWithinARangeNewestFirst() throws Exception {
    // Given
    rows.execute(
        """
        INSERT INTO energy_daily (device_id, day, wh, as_of) VALUES
          ('ups-main', '2026-05-25', 1000, '2026-05-25T23:59:00Z'),
          ('ups-main', '2026-05-26', 2000, '2026-05-26T23:59:00Z'),
          ('ups-main', '2026-05-27', 500, '2026-05-27T10:00:00Z')
        """);

    // When
    Response response =
        api.get("/api/energy/daily?device_id=ups-main&from=2026-05-26&to=2026-05-27");

    // Then
    assertThat(response.status()).isEqualTo(200);
    JSONAssert.assertEquals(
        """
        [{"device_id": "ups-main", "day": "2026-05-27", "kwh": 0.5, "wh": 500.0, "cost": 0.08, "currency": "USD"},
         {"device_id": "ups-main", "day": "2026-05-26", "kwh": 2.0, "wh": 2000.0, "cost": 0.30, "currency": "USD"}]
        """,
        response.body(),
        JSONCompareMode.STRICT);
  }

  @Test
  void badRangesAreRejectedWithADetail() throws Exception {
    Response reversed = api.get("/api/energy/daily?from=2026-05-27&to=2026-05-01");
    Response tooLong = api.get("/api/energy/daily?from=2024-01-01&to=2026-01-01");
    Response notADate = api.get("/api/energy/daily?from=yesterday");

    assertThat(reversed.status()).isEqualTo(422);
    assertThat(reversed.body()).contains("must not be after");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("longer than 366 days");
    assertThat(notADate.status()).isEqualTo(422);
    assertThat(notADate.body()).contains("from must be a date like 2026-05-27");
  }
}
