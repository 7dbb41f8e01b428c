package dev.argus.api.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the newest snapshot of every device for {@code /metrics}. One index probe per device on the
 * {@code (device_id, ts)} key, so the cost follows the number of devices, not of snapshots. Devices
 * come from {@code devices}, which the sink fills from every successful poll too.
 */
@Repository
class DeviceSamples {

  private final JdbcClient jdbc;

  DeviceSamples(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<DeviceSample> all() {
    return jdbc.sql(
            """
            SELECT d.id, d.last_seen, s.power_watts, s.load_percent, s.battery_percent,
                   s.runtime_seconds, s.voltage, s.temperature_c, s.ups_status, e.wh_total
            FROM devices d
            LEFT JOIN LATERAL (
                SELECT power_watts, load_percent, battery_percent, runtime_seconds, voltage,
                       temperature_c, ups_status
                FROM power_snapshots
                WHERE device_id = d.id AND error IS NULL
                ORDER BY ts DESC LIMIT 1) s ON true
            LEFT JOIN energy_totals e ON e.device_id = d.id
            ORDER BY d.id
            """)
        .query(DeviceSamples::sample)
        .list();
  }

  private static DeviceSample sample(ResultSet rs, int row) throws SQLException {
    OffsetDateTime lastSeen = rs.getObject("last_seen", OffsetDateTime.class);
    return new DeviceSample(
        rs.getString("id"),
        rs.getObject("power_watts", Double.class),
        rs.getObject("load_percent", Double.class),
        rs.getObject("battery_percent", Double.class),
        rs.getObject("runtime_seconds", Double.class),
        rs.getObject("voltage", Double.class),
        rs.getObject("temperature_c", Double.class),
        rs.getString("ups_status"),
        rs.getObject("wh_total", Double.class),
        lastSeen == null ? null : lastSeen.toInstant());
  }
}
