package dev.argus.bench.faults;

import dev.argus.bench.faults.EnergyRecomputation.Snapshot;
import dev.argus.bench.faults.SteadyLoad.EventKey;
import dev.argus.bench.faults.SteadyLoad.ReadingKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline stored for one fleet (device ids starting with its prefix), read straight from
 * PostgreSQL: the rows the harness counts against what it sent.
 */
final class StoredTelemetry {

  /** A device's {@code energy_totals} row. */
  record EnergyTotal(double wh, Instant asOf) {}

  private final Connection connection;
  private final String pattern;

  StoredTelemetry(Connection connection, String prefix) {
    this.connection = connection;
    this.pattern = prefix.replace("_", "\\_").replace("%", "\\%") + "-%";
  }

  long snapshotCount() throws SQLException {
    return count("SELECT count(*) FROM power_snapshots WHERE device_id LIKE ?");
  }

  long eventCount() throws SQLException {
    return count("SELECT count(*) FROM power_events WHERE device_id LIKE ?");
  }

  /** Devices whose energy total is not yet as of their newest snapshot. */
  long energyBehind() throws SQLException {
    return count(
        "SELECT count(*) FROM (SELECT device_id, max(ts) AS newest FROM power_snapshots"
            + " WHERE device_id LIKE ? AND error IS NULL GROUP BY device_id) s"
            + " LEFT JOIN energy_totals e USING (device_id)"
            + " WHERE e.as_of IS NULL OR e.as_of < s.newest");
  }

  List<ReadingKey> readings() throws SQLException {
    List<ReadingKey> keys = new ArrayList<>();
    try (PreparedStatement statement =
        prepare("SELECT device_id, ts FROM power_snapshots WHERE device_id LIKE ?")) {
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(new ReadingKey(rows.getString(1), instant(rows, 2)));
        }
      }
    }
    return keys;
  }

  List<EventKey> events() throws SQLException {
    List<EventKey> keys = new ArrayList<>();
    try (PreparedStatement statement =
        prepare("SELECT device_id, event_type, ts FROM power_events WHERE device_id LIKE ?")) {
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(new EventKey(rows.getString(1), rows.getString(2), instant(rows, 3)));
        }
      }
    }
    return keys;
  }

  Map<String, List<Snapshot>> snapshotsByDevice() throws SQLException {
    Map<String, List<Snapshot>> byDevice = new HashMap<>();
    try (PreparedStatement statement =
        prepare(
            "SELECT device_id, ts, power_watts, error FROM power_snapshots WHERE device_id LIKE"
                + " ?")) {
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Double watts = rows.getObject(3, Double.class);
          byDevice
              .computeIfAbsent(rows.getString(1), d -> new ArrayList<>())
              .add(new Snapshot(instant(rows, 2), watts, rows.getString(4)));
        }
      }
    }
    return byDevice;
  }

  Map<String, EnergyTotal> energyTotals() throws SQLException {
    Map<String, EnergyTotal> totals = new HashMap<>();
    try (PreparedStatement statement =
        prepare("SELECT device_id, wh_total, as_of FROM energy_totals WHERE device_id LIKE ?")) {
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          totals.put(rows.getString(1), new EnergyTotal(rows.getDouble(2), instant(rows, 3)));
        }
      }
    }
    return totals;
  }

  private long count(String sql) throws SQLException {
    try (PreparedStatement statement = prepare(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setString(1, pattern);
    return statement;
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }
}
