package dev.argus.api.power;

import dev.argus.api.system.jdbc.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code devices}; credentials in {@code connection_config} never leave this class. */
@Repository
class DeviceRepository {

  private static final String SELECT_DEVICES =
      """
      SELECT id, name, type, poller, host, port, enabled, connection_config, model, firmware,
             serial, manufacturer, last_seen, collector_id
      FROM devices
      """;

  private final JdbcClient jdbc;

  DeviceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** All devices, ordered by id. */
  List<Device> all() {
    return jdbc.sql(SELECT_DEVICES + " ORDER BY id").query(DeviceRepository::device).list();
  }

  Optional<Device> find(String id) {
    return jdbc.sql(SELECT_DEVICES + " WHERE id = :id")
        .param("id", id)
        .query(DeviceRepository::device)
        .optional();
  }

  private static Device device(ResultSet rs, int row) throws SQLException {
    return new Device(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("poller"),
        rs.getString("host"),
        Columns.nullableInteger(rs, "port"),
        rs.getBoolean("enabled"),
        ConnectionConfigs.withoutSecrets(Columns.jsonObject(rs, "connection_config")),
        rs.getString("model"),
        rs.getString("firmware"),
        rs.getString("serial"),
        rs.getString("manufacturer"),
        Columns.instant(rs, "last_seen"),
        rs.getString("collector_id"));
  }
}
