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

  /** Rows of {@code probe_results} of targets {@code from} to {@code to}, by (target, ts). */
  List<MixedKinds.ProbeKey> probeResults(long from, long to) throws SQLException {
    List<MixedKinds.ProbeKey> keys = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT target_id, ts FROM probe_results WHERE target_id BETWEEN ? AND ?")) {
      statement.setLong(1, from);
      statement.setLong(2, to);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(new MixedKinds.ProbeKey(rows.getLong(1), instant(rows, 2)));
        }
      }
    }
    return keys;
  }

  /** Rows of {@code target_events} of targets {@code from} to {@code to}. */
  List<EventKey> targetEvents(long from, long to) throws SQLException {
    List<EventKey> keys = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT target_id, event_type, ts FROM target_events WHERE target_id BETWEEN ? AND"
                + " ?")) {
      statement.setLong(1, from);
      statement.setLong(2, to);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(
              new EventKey(Long.toString(rows.getLong(1)), rows.getString(2), instant(rows, 3)));
        }
      }
    }
    return keys;
  }

  /** Reading ids of {@code llm_probe_results} of this fleet. */
  List<String> llmReadings() throws SQLException {
    return strings("SELECT reading_id FROM llm_probe_results WHERE reading_id LIKE ?");
  }

  /** Reading ids of the {@code camera_events} of this fleet (one event per motion reading). */
  List<String> cameraEventReadings() throws SQLException {
    return strings("SELECT reading_id FROM camera_events WHERE reading_id LIKE ?");
  }

  /** Ids of the {@code camera_events} of this fleet. */
  List<String> cameraEventIds() throws SQLException {
    return strings("SELECT id::text FROM camera_events WHERE reading_id LIKE ?");
  }

  /** Rows of the mixed kinds stored so far, all tables together, for the drain. */
  long mixedCount(long targetFrom, long targetTo) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT (SELECT count(*) FROM probe_results WHERE target_id BETWEEN ? AND ?)"
                + " + (SELECT count(*) FROM target_events WHERE target_id BETWEEN ? AND ?)"
                + " + (SELECT count(*) FROM llm_probe_results WHERE reading_id LIKE ?)"
                + " + (SELECT count(*) FROM camera_events WHERE reading_id LIKE ?)")) {
      statement.setLong(1, targetFrom);
      statement.setLong(2, targetTo);
      statement.setLong(3, targetFrom);
      statement.setLong(4, targetTo);
      statement.setString(5, pattern);
      statement.setString(6, pattern);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = prepare(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
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
