package dev.argus.api.energy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code energy_totals} and {@code energy_daily}, which the processor's sink writes. */
@Repository
class EnergyRepository {

  private final JdbcClient jdbc;
  private final EnergyPricing pricing;

  EnergyRepository(JdbcClient jdbc, EnergyPricing pricing) {
    this.jdbc = jdbc;
    this.pricing = pricing;
  }

  /** Totals of all devices, or of one, ordered by device id. */
  List<EnergyTotal> totals(String deviceId) {
    return jdbc.sql(
            "SELECT device_id, wh_total, as_of FROM energy_totals"
                + (deviceId == null ? "" : " WHERE device_id = :deviceId")
                + " ORDER BY device_id")
        .param("deviceId", deviceId)
        .query(
            (rs, row) -> {
              double wh = rs.getDouble("wh_total");
              return new EnergyTotal(
                  rs.getString("device_id"),
                  pricing.kwh(wh),
                  wh,
                  pricing.cost(wh),
                  pricing.currency(),
                  rs.getObject("as_of", OffsetDateTime.class).toInstant());
            })
        .list();
  }

  /** Per-day energy within [from, to], newest day first, then by device id. */
  List<DailyEnergy> daily(String deviceId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "SELECT device_id, day, wh FROM energy_daily WHERE day BETWEEN :from AND :to"
                + (deviceId == null ? "" : " AND device_id = :deviceId")
                + " ORDER BY day DESC, device_id")
        .param("from", from)
        .param("to", to)
        .param("deviceId", deviceId)
        .query(
            (rs, row) -> {
              double wh = rs.getDouble("wh");
              return new DailyEnergy(
                  rs.getString("device_id"),
                  rs.getObject("day", LocalDate.class),
                  pricing.kwh(wh),
                  wh,
                  pricing.cost(wh),
                  pricing.currency());
            })
        .list();
  }
}
