package dev.argus.processor.sink;

import dev.argus.contract.WireJson;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.events.Severity;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes a batch to the tables of {@code V1__power_telemetry.sql}, {@code V3__energy.sql} and
 * {@code V5__management_and_targets.sql} in one transaction, with JDBC batches. Every statement is
 * idempotent on the table's natural key, so writing a batch again (after a failed commit, a replay
 * or a rebalance) leaves the tables as they were.
 */
final class TelemetryWriter {

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

  private static final String INSERT_PROBE_RESULT =
      """
      INSERT INTO probe_results (ts, target_id, up, response_time_ms, status_code, error,
          collector_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (target_id, ts) DO NOTHING
      """;

  // Newest last_checked_at wins, so a replay of older statuses changes nothing and the table
  // converges on the compacted topic's latest value whatever the order of batches.
  private static final String UPSERT_TARGET_STATUS =
      """
      INSERT INTO target_status (target_id, status, consecutive_failures, failure_threshold,
          alerting, streak_started_at, last_checked_at, last_response_ms, last_status_code,
          last_error, cert_expires_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (target_id) DO UPDATE SET
          status = excluded.status,
          consecutive_failures = excluded.consecutive_failures,
          failure_threshold = excluded.failure_threshold,
          alerting = excluded.alerting,
          streak_started_at = excluded.streak_started_at,
          last_checked_at = excluded.last_checked_at,
          last_response_ms = excluded.last_response_ms,
          last_status_code = excluded.last_status_code,
          last_error = excluded.last_error,
          cert_expires_at = excluded.cert_expires_at,
          updated_at = now()
      WHERE excluded.last_checked_at >= target_status.last_checked_at
      """;

  private static final String INSERT_TARGET_EVENT =
      """
      INSERT INTO target_events (event_id, ts, target_id, event_type, severity, metadata)
      VALUES (?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (event_id, ts) DO NOTHING
      """;

  private static final String INSERT_EVENT =
      """
      INSERT INTO power_events (event_id, ts, device_id, event_type, severity, metadata)
      VALUES (?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (event_id, ts) DO NOTHING
      """;

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

  private static final String UPSERT_COLLECTOR_STATUS =
      """
      INSERT INTO collector_status (collector_id, last_heartbeat, started_at, scheduler_running,
          devices_configured, last_cycle_started_at, last_cycle_duration_ms,
          last_cycle_devices_polled, last_cycle_errors, scheduler_paused, poll_in_progress,
          last_cycle_completed_at, last_trigger_id, targets_configured)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (collector_id) DO UPDATE SET
          last_heartbeat = excluded.last_heartbeat,
          started_at = excluded.started_at,
          scheduler_running = excluded.scheduler_running,
          devices_configured = excluded.devices_configured,
          last_cycle_started_at = excluded.last_cycle_started_at,
          last_cycle_duration_ms = excluded.last_cycle_duration_ms,
          last_cycle_devices_polled = excluded.last_cycle_devices_polled,
          last_cycle_errors = excluded.last_cycle_errors,
          scheduler_paused = excluded.scheduler_paused,
          poll_in_progress = excluded.poll_in_progress,
          last_cycle_completed_at = excluded.last_cycle_completed_at,
          last_trigger_id = excluded.last_trigger_id,
          targets_configured = excluded.targets_configured
      WHERE collector_status.last_heartbeat <= excluded.last_heartbeat
      """;

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

  private static final String DEFAULT_DEVICE_TYPE = "ups";
  private static final String DEFAULT_POLLER = "nut";

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
            deviceRows.due(newestSuccessfulReadingPerDevice(batch.readings()));
        var counts =
            new WriteCounts(
                insertSnapshots(connection, batch.readings()),
                insertEvents(connection, batch.events()),
                upsertDevices(connection, deviceRowsDue),
                upsertCollectorStatus(connection, newestHeartbeatPerCollector(batch.heartbeats())),
                upsertEnergyTotals(connection, newestEnergyTotalPerDevice(batch.energyTotals())),
                upsertEnergyDays(
                    connection, newestEnergyTotalPerDeviceAndDay(batch.energyTotals())),
                insertOutlets(connection, batch.readings()),
                insertProbeResults(connection, batch.probeResults()),
                upsertTargetStatus(connection, newestStatusPerTarget(batch.targetStatuses())),
                insertTargetEvents(connection, batch.targetEvents()));
        connection.commit();
        deviceRows.committed(deviceRowsDue);
        return counts;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    }
  }

  private static int insertSnapshots(Connection connection, List<PowerReading> readings)
      throws SQLException {
    if (readings.isEmpty()) {
      return 0;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_SNAPSHOT)) {
      for (PowerReading r : readings) {
        insert.setObject(1, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(2, text(r.deviceId()));
        insert.setString(3, r.deviceType() == null ? DEFAULT_DEVICE_TYPE : text(r.deviceType()));
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
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return readings.size();
  }

  private static int insertOutlets(Connection connection, List<PowerReading> readings)
      throws SQLException {
    int rows = 0;
    try (PreparedStatement insert = connection.prepareStatement(INSERT_OUTLET)) {
      for (PowerReading r : readings) {
        for (OutletReading outlet : r.outlets()) {
          insert.setObject(1, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
          insert.setString(2, text(r.deviceId()));
          insert.setInt(3, outlet.index());
          insert.setString(4, text(outlet.name()));
          insert.setObject(5, outlet.powerWatts(), Types.DOUBLE);
          insert.setObject(6, outlet.currentAmps(), Types.DOUBLE);
          insert.addBatch();
          rows++;
        }
      }
      if (rows > 0) {
        insert.executeBatch();
      }
    }
    return rows;
  }

  private static int insertProbeResults(Connection connection, List<ProbeResult> results)
      throws SQLException {
    if (results.isEmpty()) {
      return 0;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_PROBE_RESULT)) {
      for (ProbeResult r : results) {
        insert.setObject(1, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setLong(2, r.targetId());
        insert.setBoolean(3, r.up());
        insert.setObject(4, r.responseTimeMillis(), Types.DOUBLE);
        insert.setObject(5, r.statusCode(), Types.INTEGER);
        insert.setString(6, text(r.error()));
        insert.setString(7, text(r.collectorId()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return results.size();
  }

  private static int upsertTargetStatus(Connection connection, Collection<TargetStatus> newest)
      throws SQLException {
    if (newest.isEmpty()) {
      return 0;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_TARGET_STATUS)) {
      for (TargetStatus s : newest) {
        upsert.setLong(1, s.targetId());
        upsert.setString(2, s.status());
        upsert.setInt(3, s.consecutiveFailures());
        upsert.setInt(4, s.failureThreshold());
        upsert.setBoolean(5, s.alerting());
        upsert.setObject(6, timestamp(s.streakStartedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setObject(7, timestamp(s.lastCheckedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setObject(8, s.lastResponseTimeMillis(), Types.DOUBLE);
        upsert.setObject(9, s.lastStatusCode(), Types.INTEGER);
        upsert.setString(10, text(s.lastError()));
        upsert.setObject(11, timestamp(s.certExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    return newest.size();
  }

  private static int insertTargetEvents(Connection connection, List<DerivedEvent> events)
      throws SQLException {
    // Target ids are numbers in target_events; the subject id carries them as text.
    return insertDerivedEvents(connection, INSERT_TARGET_EVENT, events, Long::parseLong);
  }

  private static int insertEvents(Connection connection, List<DerivedEvent> events)
      throws SQLException {
    return insertDerivedEvents(connection, INSERT_EVENT, events, TelemetryWriter::text);
  }

  private static int insertDerivedEvents(
      Connection connection,
      String sql,
      List<DerivedEvent> events,
      Function<String, Object> subject)
      throws SQLException {
    if (events.isEmpty()) {
      return 0;
    }
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (DerivedEvent e : events) {
        insert.setObject(1, UUID.fromString(e.eventId()));
        insert.setObject(2, timestamp(e.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(3, subject.apply(e.subjectId()));
        insert.setString(4, text(e.eventType()));
        insert.setString(5, severity(e));
        insert.setString(6, WireJson.MAPPER.writeValueAsString(withoutNulChars(e.metadata())));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return events.size();
  }

  private static int upsertDevices(Connection connection, Collection<PowerReading> newest)
      throws SQLException {
    if (newest.isEmpty()) {
      return 0;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_DEVICE)) {
      for (PowerReading r : newest) {
        upsert.setString(1, text(r.deviceId()));
        upsert.setString(2, text(r.deviceName() == null ? r.deviceId() : r.deviceName()));
        upsert.setString(3, r.deviceType() == null ? DEFAULT_DEVICE_TYPE : text(r.deviceType()));
        upsert.setString(4, r.poller() == null ? DEFAULT_POLLER : text(r.poller()));
        upsert.setString(5, text(r.host()));
        upsert.setObject(6, r.port(), Types.INTEGER);
        upsert.setString(7, text(r.metadata().model()));
        upsert.setString(8, text(r.metadata().firmware()));
        upsert.setString(9, text(r.metadata().serial()));
        upsert.setString(10, text(r.metadata().manufacturer()));
        upsert.setObject(11, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    return newest.size();
  }

  private static int upsertCollectorStatus(
      Connection connection, Collection<CollectorHeartbeat> newest) throws SQLException {
    if (newest.isEmpty()) {
      return 0;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_COLLECTOR_STATUS)) {
      for (CollectorHeartbeat h : newest) {
        upsert.setString(1, text(h.collectorId()));
        upsert.setObject(2, timestamp(h.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setObject(3, timestamp(h.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setBoolean(4, h.schedulerRunning());
        upsert.setInt(5, h.devicesConfigured());
        upsert.setObject(6, timestamp(h.lastCycleStartedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setLong(7, h.lastCycleDurationMillis());
        upsert.setInt(8, h.lastCycleDevicesPolled());
        upsert.setInt(9, h.lastCycleErrors());
        upsert.setBoolean(10, h.schedulerPaused());
        upsert.setBoolean(11, h.pollInProgress());
        upsert.setObject(12, timestamp(h.lastCycleCompletedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setString(13, text(h.lastTriggerId()));
        upsert.setInt(14, h.targetsConfigured());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    return newest.size();
  }

  private static int upsertEnergyTotals(Connection connection, Collection<EnergyTotal> newest)
      throws SQLException {
    if (newest.isEmpty()) {
      return 0;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ENERGY_TOTAL)) {
      for (EnergyTotal t : newest) {
        upsert.setString(1, text(t.deviceId()));
        upsert.setDouble(2, t.whTotal());
        upsert.setObject(3, timestamp(t.asOf()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.setObject(4, t.lastPowerWatts(), Types.DOUBLE);
        upsert.setLong(5, t.gapsSkipped());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    return newest.size();
  }

  private static int upsertEnergyDays(Connection connection, Collection<EnergyTotal> newest)
      throws SQLException {
    if (newest.isEmpty()) {
      return 0;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ENERGY_DAY)) {
      for (EnergyTotal t : newest) {
        upsert.setString(1, text(t.deviceId()));
        upsert.setObject(2, t.day(), Types.DATE);
        upsert.setDouble(3, t.whDay());
        upsert.setObject(4, timestamp(t.asOf()), Types.TIMESTAMP_WITH_TIMEZONE);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    return newest.size();
  }

  /**
   * One row per device and statement (see {@link #newestSuccessfulReadingPerDevice}). Of totals
   * with the same as_of the later one in the batch wins, as it would in separate batches.
   */
  static Collection<EnergyTotal> newestEnergyTotalPerDevice(List<EnergyTotal> totals) {
    Map<String, EnergyTotal> newest = new TreeMap<>();
    for (EnergyTotal total : totals) {
      newest.merge(total.deviceId(), total, TelemetryWriter::newer);
    }
    return newest.values();
  }

  static Collection<EnergyTotal> newestEnergyTotalPerDeviceAndDay(List<EnergyTotal> totals) {
    Map<EnergyDay, EnergyTotal> newest =
        new TreeMap<>(Comparator.comparing(EnergyDay::deviceId).thenComparing(EnergyDay::day));
    for (EnergyTotal total : totals) {
      newest.merge(new EnergyDay(total.deviceId(), total.day()), total, TelemetryWriter::newer);
    }
    return newest.values();
  }

  private record EnergyDay(String deviceId, LocalDate day) {}

  private static EnergyTotal newer(EnergyTotal a, EnergyTotal b) {
    return b.asOf().isBefore(a.asOf()) ? a : b;
  }

  /**
   * One row per device and statement: PostgreSQL refuses an upsert that touches the same row twice.
   * Sorted by id so concurrent sinks lock devices in the same order. Failed polls are left out: a
   * device that does not answer has not been seen.
   */
  static Collection<PowerReading> newestSuccessfulReadingPerDevice(List<PowerReading> readings) {
    Map<String, PowerReading> newest = new TreeMap<>();
    for (PowerReading reading : readings) {
      if (reading.succeeded()) {
        newest.merge(reading.deviceId(), reading, TelemetryWriter::newer);
      }
    }
    return newest.values();
  }

  /** One row per target and statement, sorted by id, like the devices. */
  static Collection<TargetStatus> newestStatusPerTarget(List<TargetStatus> statuses) {
    Map<Long, TargetStatus> newest = new TreeMap<>();
    for (TargetStatus status : statuses) {
      newest.merge(
          status.targetId(),
          status,
          (a, b) -> b.lastCheckedAt().isBefore(a.lastCheckedAt()) ? a : b);
    }
    return newest.values();
  }

  static Collection<CollectorHeartbeat> newestHeartbeatPerCollector(
      List<CollectorHeartbeat> heartbeats) {
    Map<String, CollectorHeartbeat> newest = new TreeMap<>();
    for (CollectorHeartbeat heartbeat : heartbeats) {
      newest.merge(
          heartbeat.collectorId(),
          heartbeat,
          (a, b) -> b.timestamp().isBefore(a.timestamp()) ? a : b);
    }
    return newest.values();
  }

  private static PowerReading newer(PowerReading a, PowerReading b) {
    return b.timestamp().isBefore(a.timestamp()) ? a : b;
  }

  private static String severity(DerivedEvent event) {
    if (event.severity() != null) {
      return event.severity().wireName();
    }
    if (DerivedEvent.SOURCE_TARGET.equals(event.source())) {
      for (TargetEventType type : TargetEventType.values()) {
        if (type.wireName().equals(event.eventType())) {
          return type.severity().wireName();
        }
      }
      return Severity.MEDIUM.wireName();
    }
    try {
      return PowerEventType.fromWireName(event.eventType()).severity().wireName();
    } catch (IllegalArgumentException unknownType) {
      return Severity.MEDIUM.wireName();
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** PostgreSQL text cannot hold NUL; a device that sends one must not block the sink. */
  private static String text(String value) {
    return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
  }

  private static Object withoutNulChars(Object value) {
    if (value instanceof String s) {
      return text(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> clean = new LinkedHashMap<>();
      map.forEach((k, v) -> clean.put(text(String.valueOf(k)), withoutNulChars(v)));
      return clean;
    }
    if (value instanceof Collection<?> list) {
      List<Object> clean = new ArrayList<>();
      list.forEach(v -> clean.add(withoutNulChars(v)));
      return clean;
    }
    return value;
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
