package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Power readings as rows: every reading (a failed poll too) in {@code power_snapshots}, and each
 * outlet of a PDU reading in {@code pdu_outlet_readings}. Insert-only on the natural key, so a
 * replay adds nothing.
 */
final class PowerSnapshotWriter {

  private static final String INSERT_SNAPSHOT =
      """
      INSERT INTO power_snapshots (ts, device_id, device_type, collector_id, error, power_watts,
          load_percent, voltage, output_voltage, input_frequency, output_current, battery_percent,
          runtime_seconds, ups_status, temperature_c)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (device_id, ts) DO NOTHING
      """;

  private static final String INSERT_OUTLET =
      """
      INSERT INTO pdu_outlet_readings (ts, device_id, outlet_index, name, power_watts, current_amps)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (device_id, outlet_index, ts) DO NOTHING
      """;

  private PowerSnapshotWriter() {}

  static int insertSnapshots(Connection connection, List<PowerReading> readings)
      throws SQLException {
    return JdbcBatch.execute(connection, INSERT_SNAPSHOT, readings, PowerSnapshotWriter::bind);
  }

  static int insertOutlets(Connection connection, List<PowerReading> readings) throws SQLException {
    List<Outlet> outlets =
        readings.stream()
            .flatMap(r -> r.outlets().stream().map(outlet -> new Outlet(r, outlet)))
            .toList();
    return JdbcBatch.execute(connection, INSERT_OUTLET, outlets, PowerSnapshotWriter::bind);
  }

  private static void bind(PreparedStatement insert, PowerReading r) throws SQLException {
    insert.setObject(1, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setString(2, text(r.deviceId()));
    insert.setString(3, DeviceWriter.deviceType(r));
    insert.setString(4, text(r.collectorId()));
    insert.setString(5, text(r.error()));
    insert.setObject(6, r.powerWatts(), Types.DOUBLE);
    insert.setObject(7, r.loadPercent(), Types.DOUBLE);
    insert.setObject(8, r.voltage(), Types.DOUBLE);
    insert.setObject(9, r.outputVoltage(), Types.DOUBLE);
    insert.setObject(10, r.inputFrequency(), Types.DOUBLE);
    insert.setObject(11, r.outputCurrent(), Types.DOUBLE);
    insert.setObject(12, r.batteryPercent(), Types.DOUBLE);
    insert.setObject(13, r.runtimeSeconds(), Types.DOUBLE);
    insert.setString(14, text(r.upsStatus()));
    insert.setObject(15, r.temperatureC(), Types.DOUBLE);
  }

  private static void bind(PreparedStatement insert, Outlet row) throws SQLException {
    PowerReading r = row.reading();
    OutletReading outlet = row.outlet();
    insert.setObject(1, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setString(2, text(r.deviceId()));
    insert.setInt(3, outlet.index());
    insert.setString(4, text(outlet.name()));
    insert.setObject(5, outlet.powerWatts(), Types.DOUBLE);
    insert.setObject(6, outlet.currentAmps(), Types.DOUBLE);
  }

  private record Outlet(PowerReading reading, OutletReading outlet) {}
}
