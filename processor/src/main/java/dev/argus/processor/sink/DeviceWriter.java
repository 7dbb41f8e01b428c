package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.power.PowerReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;

/**
 * The {@code devices} row of each device that reports: {@code last_seen} and what the device says
 * about itself, from successful polls only. Which rows a batch writes is {@link DeviceRowRefresh}'s
 * decision.
 */
final class DeviceWriter {

  // A device the api configured keeps its name, type and address; readings only add what the
  // device says about itself. The WHERE makes an older reading (a replay) change nothing, so
  // last_seen only moves forward and the metadata is the newest reading's.
  private static final String UPSERT_DEVICE =
      """
      INSERT INTO devices (id, name, type, poller, host, port, model, firmware, serial,
          manufacturer, last_seen, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (id) DO UPDATE SET
          last_seen = GREATEST(devices.last_seen, excluded.last_seen),
          model = COALESCE(excluded.model, devices.model),
          firmware = COALESCE(excluded.firmware, devices.firmware),
          serial = COALESCE(excluded.serial, devices.serial),
          manufacturer = COALESCE(excluded.manufacturer, devices.manufacturer),
          updated_at = now()
      WHERE devices.last_seen IS NULL OR excluded.last_seen >= devices.last_seen
      """;

  private static final String DEFAULT_DEVICE_TYPE = "ups";
  private static final String DEFAULT_POLLER = "nut";

  private DeviceWriter() {}

  /**
   * The newest successful reading of each device (see {@link NewestPerKey}). Failed polls are left
   * out: a device that does not answer has not been seen.
   */
  static Collection<PowerReading> newestSuccessfulReadingPerDevice(List<PowerReading> readings) {
    return NewestPerKey.of(
        readings.stream().filter(PowerReading::succeeded).toList(),
        PowerReading::deviceId,
        PowerReading::timestamp);
  }

  /**
   * @param newest at most one reading per device
   */
  static int upsertDevices(Connection connection, Collection<PowerReading> newest)
      throws SQLException {
    return JdbcBatch.execute(connection, UPSERT_DEVICE, newest, DeviceWriter::bind);
  }

  /** The device type a reading stands for; a reading that names none is from a UPS. */
  static String deviceType(PowerReading r) {
    return r.deviceType() == null ? DEFAULT_DEVICE_TYPE : text(r.deviceType());
  }

  private static void bind(PreparedStatement upsert, PowerReading r) throws SQLException {
    upsert.setString(1, text(r.deviceId()));
    upsert.setString(2, text(r.deviceName() == null ? r.deviceId() : r.deviceName()));
    upsert.setString(3, deviceType(r));
    upsert.setString(4, r.poller() == null ? DEFAULT_POLLER : text(r.poller()));
    upsert.setString(5, text(r.host()));
    upsert.setObject(6, r.port(), Types.INTEGER);
    upsert.setString(7, text(r.metadata().model()));
    upsert.setString(8, text(r.metadata().firmware()));
    upsert.setString(9, text(r.metadata().serial()));
    upsert.setString(10, text(r.metadata().manufacturer()));
    upsert.setObject(11, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
