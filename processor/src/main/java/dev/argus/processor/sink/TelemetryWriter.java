package dev.argus.processor.sink;

import dev.argus.contract.power.PowerReading;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a batch to the tables of {@code V1__power_telemetry.sql}, {@code V3__energy.sql}, {@code
 * V5__management_and_targets.sql}, {@code V7__llm_monitoring.sql}, {@code V8__cameras.sql} and
 * {@code V9__protect_and_detection.sql} in one transaction, one JDBC batch per table, through the
 * writer of each table family. Every statement is idempotent on the table's natural key, so writing
 * a batch again (after a failed commit, a replay or a rebalance) leaves the tables as they were.
 */
final class TelemetryWriter {

  private final DataSource dataSource;
  private final DeviceRowRefresh deviceRows;

  TelemetryWriter(DataSource dataSource, DeviceRowRefresh deviceRows) {
    this.dataSource = dataSource;
    this.deviceRows = deviceRows;
  }

  /** Writes the batch and commits; on any failure nothing of it is stored. */
  WriteCounts write(SinkBatch batch) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<PowerReading> deviceRowsDue =
            deviceRows.due(DeviceWriter.newestSuccessfulReadingPerDevice(batch.readings()));
        // The statements run in this order (arguments are evaluated left to right).
        var counts =
            new WriteCounts(
                PowerSnapshotWriter.insertSnapshots(connection, batch.readings()),
                EventWriter.insertPowerEvents(connection, batch.events()),
                DeviceWriter.upsertDevices(connection, deviceRowsDue),
                CollectorStatusWriter.upsert(connection, batch.heartbeats()),
                EnergyWriter.upsertTotals(connection, batch.energyTotals()),
                EnergyWriter.upsertDays(connection, batch.energyTotals()),
                PowerSnapshotWriter.insertOutlets(connection, batch.readings()),
                TargetWriter.insertProbeResults(connection, batch.probeResults()),
                TargetWriter.upsertTargetStatus(connection, batch.targetStatuses()),
                EventWriter.insertTargetEvents(connection, batch.targetEvents()),
                writeLlm(connection, batch.llm()),
                writeCamera(connection, batch.camera()));
        connection.commit();
        deviceRows.committed(deviceRowsDue);
        return counts;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    }
  }

  /** The LLM tables; alert openings before recoveries, so one batch can open and close one. */
  private static int writeLlm(Connection connection, LlmRecords llm) throws SQLException {
    return LlmProbeWriter.insertProbes(connection, llm.probes())
        + LlmProbeWriter.upsertStatuses(connection, llm.statuses())
        + BenchmarkWriter.insertResults(connection, llm.benchmarkEvents())
        + BenchmarkWriter.upsertProgress(connection, llm.benchmarkEvents())
        + BenchmarkWriter.upsertStatistics(connection, llm.statistics())
        + LlmAlertWriter.insertOpened(connection, llm.alertEvents())
        + LlmAlertWriter.resolveRecovered(connection, llm.alertEvents());
  }

  /**
   * The camera tables; descriptions and events before the events take their newest description, so
   * that the order they arrived in does not matter. Camera alerts go to the one alert list.
   */
  private static int writeCamera(Connection connection, CameraRecords camera) throws SQLException {
    return CameraWriter.upsertStatuses(connection, camera.statuses())
        + CameraWriter.insertDescriptions(connection, camera.descriptions())
        + CameraWriter.insertEvents(connection, camera.events())
        + CameraWriter.takeNewestDescriptions(connection, camera.events(), camera.descriptions())
        + ProtectStatusWriter.upsert(connection, camera.protectStatuses())
        + CameraAlertWriter.insert(connection, camera.alertEvents());
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
