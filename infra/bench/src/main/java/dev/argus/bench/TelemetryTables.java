package dev.argus.bench;

import dev.argus.contract.power.PowerReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * What the benchmark reads and writes directly in the stack's database: row counts while the
 * pipeline drains, table sizes, and raw {@code COPY} of snapshot rows (the reference the pipeline
 * is measured against, and the fast way to fill the tables for the API scenario).
 */
public final class TelemetryTables {

  static final String SNAPSHOT_COLUMNS =
      "ts, device_id, device_type, collector_id, error, power_watts, load_percent, voltage,"
          + " output_voltage, input_frequency, output_current, battery_percent, runtime_seconds,"
          + " ups_status, temperature_c";

  private final Connection connection;

  public TelemetryTables(Connection connection) {
    this.connection = connection;
  }

  public void truncateTelemetry() throws SQLException {
    execute("TRUNCATE power_snapshots, power_events");
  }

  public long count(String table) throws SQLException {
    return queryLong("SELECT count(*) FROM " + table);
  }

  long totalRelationBytes(String table) throws SQLException {
    return queryLong("SELECT pg_total_relation_size('" + table + "')");
  }

  /** Copies the rows into {@code table} in one COPY; returns the rows copied. */
  long copy(String table, Iterator<PowerReading> rows) throws SQLException, IOException {
    CopyIn copy =
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + table + " (" + SNAPSHOT_COLUMNS + ") FROM STDIN (FORMAT csv)");
    try {
      var chunk = new StringBuilder(1 << 20);
      while (rows.hasNext()) {
        appendCsv(chunk, rows.next());
        if (chunk.length() > (1 << 20) - 512) {
          write(copy, chunk);
        }
      }
      write(copy, chunk);
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** The plan PostgreSQL chose for {@code sql}, with actual times and buffers. */
  String explain(String sql) throws SQLException {
    var plan = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      while (result.next()) {
        plan.append(result.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  public long queryLong(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
  }

  private static void appendCsv(StringBuilder csv, PowerReading r) {
    csv.append(DateTimeFormatter.ISO_INSTANT.format(r.timestamp()))
        .append(',')
        .append(r.deviceId())
        .append(',')
        .append(r.deviceType())
        .append(',')
        .append(r.collectorId())
        .append(',');
    text(csv, r.error());
    number(csv, r.powerWatts());
    number(csv, r.loadPercent());
    number(csv, r.voltage());
    number(csv, r.outputVoltage());
    number(csv, r.inputFrequency());
    number(csv, r.outputCurrent());
    number(csv, r.batteryPercent());
    number(csv, r.runtimeSeconds());
    text(csv, r.upsStatus());
    if (r.temperatureC() != null) {
      csv.append(r.temperatureC());
    }
    csv.append('\n');
  }

  private static void text(StringBuilder csv, String value) {
    if (value != null) {
      csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    csv.append(',');
  }

  private static void number(StringBuilder csv, Double value) {
    if (value != null) {
      csv.append(value);
    }
    csv.append(',');
  }
}
