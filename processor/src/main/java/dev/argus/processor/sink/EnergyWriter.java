package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.energy.EnergyTotal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Energy totals as rows: the running total of each device in {@code energy_totals}, and the total
 * of each device and UTC day in {@code energy_daily}; in both the newest {@code as_of} wins.
 */
final class EnergyWriter {

  // Totals only grow with as_of, so "newest as_of wins" makes a replay of older totals a no-op
  // and lets the database converge on the topic's latest value whatever the order of batches.
  private static final String UPSERT_ENERGY_TOTAL =
      """
      INSERT INTO energy_totals (device_id, wh_total, as_of, last_power_watts, gaps_skipped,
          updated_at)
      VALUES (?, ?, ?, ?, ?, now())
      ON CONFLICT (device_id) DO UPDATE SET
          wh_total = excluded.wh_total,
          as_of = excluded.as_of,
          last_power_watts = excluded.last_power_watts,
          gaps_skipped = excluded.gaps_skipped,
          updated_at = now()
      WHERE excluded.as_of >= energy_totals.as_of
      """;

  private static final String UPSERT_ENERGY_DAY =
      """
      INSERT INTO energy_daily (device_id, day, wh, as_of)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (device_id, day) DO UPDATE SET
          wh = excluded.wh,
          as_of = excluded.as_of
      WHERE excluded.as_of >= energy_daily.as_of
      """;

  private static final Comparator<EnergyDay> BY_DEVICE_AND_DAY =
      Comparator.comparing(EnergyDay::deviceId).thenComparing(EnergyDay::day);

  private EnergyWriter() {}

  /** One row per device, the newest (see {@link NewestPerKey}). */
  static int upsertTotals(Connection connection, List<EnergyTotal> totals) throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_ENERGY_TOTAL,
        NewestPerKey.of(totals, EnergyTotal::deviceId, EnergyTotal::asOf),
        EnergyWriter::bindTotal);
  }

  /** One row per device and day, the newest (see {@link NewestPerKey}). */
  static int upsertDays(Connection connection, List<EnergyTotal> totals) throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_ENERGY_DAY,
        NewestPerKey.of(
            totals,
            t -> new EnergyDay(t.deviceId(), t.day()),
            BY_DEVICE_AND_DAY,
            EnergyTotal::asOf),
        EnergyWriter::bindDay);
  }

  private static void bindTotal(PreparedStatement upsert, EnergyTotal t) throws SQLException {
    upsert.setString(1, text(t.deviceId()));
    upsert.setDouble(2, t.whTotal());
    upsert.setObject(3, timestamp(t.asOf()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setObject(4, t.lastPowerWatts(), Types.DOUBLE);
    upsert.setLong(5, t.gapsSkipped());
  }

  private static void bindDay(PreparedStatement upsert, EnergyTotal t) throws SQLException {
    upsert.setString(1, text(t.deviceId()));
    upsert.setObject(2, t.day(), Types.DATE);
    upsert.setDouble(3, t.whDay());
    upsert.setObject(4, timestamp(t.asOf()), Types.TIMESTAMP_WITH_TIMEZONE);
  }

  private record EnergyDay(String deviceId, LocalDate day) {}
}
