package dev.argus.api.power;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.paging.Page;
import dev.argus.api.system.paging.PagedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code power_snapshots}. Failed polls (rows with an {@code error}) stay in the table for
 * diagnostics but are not snapshots, so every query here filters them out.
 */
@Repository
class SnapshotRepository {

  private static final String COLUMNS =
      """
      id, ts, device_id, device_type, power_watts, load_percent, voltage, battery_percent,
      runtime_seconds, ups_status, temperature_c, output_voltage, input_frequency, output_current
      """;

  private final JdbcClient jdbc;
  private final PagedQuery pages;

  SnapshotRepository(JdbcClient jdbc, PagedQuery pages) {
    this.jdbc = jdbc;
    this.pages = pages;
  }

  /** Snapshots newest first (ties by device id), optionally of one device. */
  Page<Snapshot> page(String deviceId, int page, int pageSize) {
    String where =
        deviceId == null ? "WHERE error IS NULL" : "WHERE error IS NULL AND device_id = :deviceId";
    Map<String, Object> params = new HashMap<>();
    params.put("deviceId", deviceId);
    return pages.fetch(
        COLUMNS,
        "power_snapshots " + where,
        "ts DESC, device_id",
        params,
        deviceId != null,
        SnapshotRepository::snapshot,
        page,
        pageSize);
  }

  /** The newest snapshot of any device (served by the ts index). */
  Optional<Snapshot> latest() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM power_snapshots WHERE error IS NULL ORDER BY ts DESC, device_id LIMIT 1")
        .query(SnapshotRepository::snapshot)
        .optional();
  }

  /** The newest snapshot of one device (served by the (device_id, ts) primary key). */
  Optional<Snapshot> latestOf(String deviceId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM power_snapshots WHERE device_id = :deviceId AND error IS NULL"
                + " ORDER BY ts DESC LIMIT 1")
        .param("deviceId", deviceId)
        .query(SnapshotRepository::snapshot)
        .optional();
  }

  private static Snapshot snapshot(ResultSet rs, int row) throws SQLException {
    return new Snapshot(
        rs.getLong("id"),
        Columns.instant(rs, "ts"),
        rs.getString("device_id"),
        rs.getString("device_type"),
        Columns.nullableDouble(rs, "power_watts"),
        Columns.nullableDouble(rs, "load_percent"),
        Columns.nullableDouble(rs, "voltage"),
        Columns.nullableDouble(rs, "battery_percent"),
        Columns.nullableDouble(rs, "runtime_seconds"),
        rs.getString("ups_status"),
        Columns.nullableDouble(rs, "temperature_c"),
        Columns.nullableDouble(rs, "output_voltage"),
        Columns.nullableDouble(rs, "input_frequency"),
        Columns.nullableDouble(rs, "output_current"));
  }
}
