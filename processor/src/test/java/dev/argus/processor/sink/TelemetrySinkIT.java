package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.testing.EmbeddedDatabase;
import dev.argus.processor.system.DatabaseConfiguration;
import dev.argus.processor.system.DatabaseProperties;
import dev.argus.processor.system.DeadLetterHeaders;
import dev.argus.processor.testing.ProbeBuilder;
import dev.argus.processor.testing.ReadingBuilder;
import dev.argus.processor.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sink against a real in-JVM broker and a real embedded PostgreSQL. The broker is shared by the
 * tests of this class, so each test uses its own device ids, database and consumer groups.
 */
class TelemetrySinkIT {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final Duration STORED_WITHIN = Duration.ofSeconds(30);

  private static TestKafka kafka;

  private final List<ProductionLanes> sinks = new ArrayList<>();
  private HikariDataSource dataSource;
  private JdbcTemplate db;
  private String device;
  private long target;

  @BeforeAll
  static void startBroker() {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @BeforeEach
  void freshDatabase() {
    dataSource =
        DatabaseConfiguration.pooledDataSource(
            new DatabaseProperties(
                EmbeddedDatabase.freshDatabase(), "postgres", "", Duration.ofSeconds(2)));
    // Migrated here as well as by the sink, so the test can prepare and query tables at once.
    ArgusSchema.migrate(dataSource);
    db = new JdbcTemplate(dataSource);
    device = "ups-" + UUID.randomUUID().toString().substring(0, 8);
    target = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }

  @AfterEach
  void stopSinks() {
    sinks.forEach(ProductionLanes::stop);
    dataSource.close();
  }

  /** The sink's lanes as production runs them, in consumer groups of their own. */
  private ProductionLanes startSink() {
    var settings =
        new SinkProperties(
            newGroup(),
            2000,
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    var sink = ProductionLanes.start(kafka.properties(), settings, dataSource);
    sinks.add(sink);
    return sink;
  }

  private static String newGroup() {
    return "sink-test-" + UUID.randomUUID();
  }

  private ReadingBuilder reading(int secondsAfterT0) {
    return ReadingBuilder.ups(device).at(T0.plusSeconds(secondsAfterT0));
  }

  private void sendReadings(PowerReading... readings) {
    kafka.send(Topics.READINGS_POWER, List.of(readings), PowerReading::deviceId);
  }

  private void sendEvents(DerivedEvent... events) {
    kafka.send(Topics.EVENTS, List.of(events), DerivedEvent::subjectId);
  }

  private long snapshotCount() {
    return db.queryForObject(
        "SELECT count(*) FROM power_snapshots WHERE device_id = ?", Long.class, device);
  }

  private long eventCount() {
    return db.queryForObject(
        "SELECT count(*) FROM power_events WHERE device_id = ?", Long.class, device);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Test
  void readingsEventsAndHeartbeatsBecomeRows() {
    // Given a running sink
    startSink();
    String collector = "collector-" + device;

    // When two snapshots, a failed poll, two events and a heartbeat are published
    sendReadings(
        reading(0).status("OL").battery(100.0).load(31.5).build(),
        reading(30).status("OB DISCHRG").battery(97.0).build(),
        reading(60).failed("connection refused"));
    sendEvents(
        DerivedEvent.power(
            device,
            PowerEventType.ON_BATTERY,
            T0.plusSeconds(30),
            Map.of("previous_status", "OL", "battery_percent", 97.0)),
        DerivedEvent.power(
            device, PowerEventType.DEVICE_OFFLINE, T0.plusSeconds(60), Map.of("missed_polls", 3)));
    kafka.send(
        Topics.COLLECTOR_STATUS,
        List.of(
            new CollectorHeartbeat(
                1, collector, T0.plusSeconds(60), T0, true, 4, T0.plusSeconds(55), 420, 4, 1)),
        CollectorHeartbeat::collectorId);

    // Then every one of them is a row
    await().atMost(STORED_WITHIN).until(() -> snapshotCount() == 3 && eventCount() == 2);
    Map<String, Object> first =
        db.queryForMap(
            "SELECT * FROM power_snapshots WHERE device_id = ? AND ts = ?", device, utc(T0));
    assertThat(first)
        .containsEntry("ups_status", "OL")
        .containsEntry("battery_percent", 100.0)
        .containsEntry("load_percent", 31.5)
        .containsEntry("device_type", "ups")
        .containsEntry("collector_id", "collector-1");
    Map<String, Object> failed =
        db.queryForMap(
            "SELECT * FROM power_snapshots WHERE device_id = ? AND ts = ?",
            device,
            utc(T0.plusSeconds(60)));
    assertThat(failed).containsEntry("error", "connection refused");
    assertThat(failed.get("battery_percent")).isNull();
    assertThat(failed.get("ups_status")).isNull();

    Map<String, Object> onBattery =
        db.queryForMap(
            "SELECT event_type, severity, metadata->>'previous_status' AS previous_status,"
                + " (metadata->>'battery_percent')::float AS battery"
                + " FROM power_events WHERE device_id = ? AND event_type = 'on_battery'",
            device);
    assertThat(onBattery)
        .containsEntry("severity", "high")
        .containsEntry("previous_status", "OL")
        .containsEntry("battery", 97.0);

    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                db.queryForObject(
                        "SELECT count(*) FROM collector_status WHERE collector_id = ?",
                        Long.class,
                        collector)
                    == 1);
    assertThat(db.queryForMap("SELECT * FROM collector_status WHERE collector_id = ?", collector))
        .containsEntry("devices_configured", 4)
        .containsEntry("last_cycle_duration_ms", 420L)
        .containsEntry("last_cycle_errors", 1);
  }

  @Test
  void aReplayFromTheStartAddsNoRows() {
    // Given readings and events stored by one sink
    sendReadings(reading(0).build(), reading(30).build(), reading(60).failed("timeout"));
    sendEvents(
        DerivedEvent.power(device, PowerEventType.DEVICE_ONLINE, T0.plusSeconds(30), Map.of()));
    ProductionLanes first = startSink();
    await().atMost(STORED_WITHIN).until(() -> snapshotCount() == 3 && eventCount() == 1);
    await()
        .atMost(STORED_WITHIN)
        .until(() -> first.caughtUp(kafka, List.of(Topics.READINGS_POWER.name())));
    first.stop();

    // When a sink in new consumer groups replays every topic from the start
    ProductionLanes replay = startSink();
    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                replay.caughtUp(
                    kafka, List.of(Topics.READINGS_POWER.name(), Topics.EVENTS.name())));

    // Then it wrote every record again, and the tables did not change
    assertThat(replay.counters().snapshotRows()).isGreaterThanOrEqualTo(3);
    assertThat(snapshotCount()).isEqualTo(3);
    assertThat(eventCount()).isEqualTo(1);
    assertThat(db.queryForObject("SELECT count(*) FROM devices WHERE id = ?", Long.class, device))
        .isEqualTo(1);
  }

  @Test
  void energyTotalsBecomeRowsAndAReplayChangesNothing() {
    // Given totals of a device up to a reading just after midnight, which closed the first day
    LocalDate day = LocalDate.parse("2026-05-27");
    Instant afterMidnight = Instant.parse("2026-05-28T00:00:30Z");
    kafka.send(
        Topics.ENERGY,
        List.of(
            energy(T0.plusSeconds(30), 2.0, day, 2.0, 0),
            energy(T0.plusSeconds(60), 4.0, day, 4.0, 0),
            energy(afterMidnight, 10.0, day, 8.5, 1),
            energy(afterMidnight, 10.0, day.plusDays(1), 1.5, 1)),
        EnergyTotal::deviceId);

    // When a sink stores them
    ProductionLanes first = startSink();
    await().atMost(STORED_WITHIN).until(() -> first.caughtUp(kafka, List.of(Topics.ENERGY.name())));

    // Then the device's total is the newest, and each day has its own row
    Map<String, Object> total = energyTotalRow();
    assertThat(total)
        .containsEntry("wh_total", 10.0)
        .containsEntry("last_power_watts", 240.0)
        .containsEntry("gaps_skipped", 1L);
    assertThat(
            db.queryForObject(
                    "SELECT as_of FROM energy_totals WHERE device_id = ?",
                    OffsetDateTime.class,
                    device)
                .toInstant())
        .isEqualTo(afterMidnight);
    List<Map<String, Object>> days = energyDailyRows();
    assertThat(days).extracting(row -> row.get("wh")).containsExactly(8.5, 1.5);
    first.stop();

    // When a sink in new consumer groups replays the topic from the start
    ProductionLanes replay = startSink();
    await()
        .atMost(STORED_WITHIN)
        .until(() -> replay.caughtUp(kafka, List.of(Topics.ENERGY.name())));

    // Then it wrote the totals again, and the rows did not change
    assertThat(replay.counters().energyTotalRows()).isGreaterThanOrEqualTo(1);
    assertThat(energyTotalRow()).isEqualTo(total);
    assertThat(energyDailyRows()).isEqualTo(days);

    // And an older total arriving late changes nothing either
    kafka.send(
        Topics.ENERGY,
        List.of(energy(T0.plusSeconds(90), 6.0, day, 6.0, 0)),
        EnergyTotal::deviceId);
    await()
        .atMost(STORED_WITHIN)
        .until(() -> replay.caughtUp(kafka, List.of(Topics.ENERGY.name())));
    assertThat(energyTotalRow()).isEqualTo(total);
    assertThat(energyDailyRows()).isEqualTo(days);
  }

  private EnergyTotal energy(Instant asOf, double whTotal, LocalDate day, double whDay, long gaps) {
    return new EnergyTotal(
        EnergyTotal.SCHEMA_VERSION, device, asOf, whTotal, day, whDay, 240.0, gaps);
  }

  /** The row's values; updated_at is left out: it says when the sink last wrote the row. */
  private Map<String, Object> energyTotalRow() {
    return db.queryForMap(
        "SELECT wh_total, as_of, last_power_watts, gaps_skipped"
            + " FROM energy_totals WHERE device_id = ?",
        device);
  }

  private List<Map<String, Object>> energyDailyRows() {
    return db.queryForList(
        "SELECT day, wh, as_of FROM energy_daily WHERE device_id = ? ORDER BY day", device);
  }

  @Test
  void aMalformedRecordIsDeadLetteredAndTheRecordsAroundItAreStored() {
    // Given a running sink
    ProductionLanes sink = startSink();

    // When garbage sits between two good readings, keyed alike so all three share a partition
    sendReadings(reading(0).build());
    kafka.sendRaw(
        Topics.READINGS_POWER.name(),
        device.getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8));
    sendReadings(reading(30).build());

    // Then both good readings are stored
    await().atMost(STORED_WITHIN).until(() -> snapshotCount() == 2);

    // And the garbage is on the dead-letter topic, raw, with where it came from and why
    await().atMost(STORED_WITHIN).until(() -> deadLettersOf(sink).size() == 1);
    ConsumerRecord<byte[], byte[]> dead = deadLettersOf(sink).getFirst();
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{garbage");
    assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.READINGS_POWER.name());
    assertThat(header(dead, DeadLetterHeaders.PARTITION)).matches("[0-5]");
    assertThat(header(dead, DeadLetterHeaders.OFFSET)).matches("\\d+");
    assertThat(header(dead, DeadLetterHeaders.MESSAGE)).contains("Malformed PowerReading");
    assertThat(sink.counters().malformedRecords()).isGreaterThanOrEqualTo(1);

    // And the sink keeps going
    sendReadings(reading(60).build());
    await().atMost(STORED_WITHIN).until(() -> snapshotCount() == 3);
  }

  @Test
  void devicesAreUpsertedFromTheNewestSuccessfulReading() {
    // Given a device the api configured, never seen yet
    db.update(
        "INSERT INTO devices (id, name, type, poller, host, port, model)"
            + " VALUES (?, 'Main UPS', 'ups', 'nut', '192.168.1.10', 3493, 'SmartUPS 1500')",
        device);
    startSink();

    // When readings report metadata, the newest without a model, then a poll fails
    sendReadings(
        reading(0)
            .named("ignored name")
            .metadata(new DeviceMetadata("APC", "SmartUPS 1500X", "1.0", "SN1"))
            .build(),
        reading(30).metadata(new DeviceMetadata("APC", null, "1.1", "SN1")).build(),
        reading(60).failed("timeout"));
    await().atMost(STORED_WITHIN).until(() -> snapshotCount() == 3);

    // Then the configuration stays, last_seen is the newest successful reading, and the metadata
    // is the newest known
    Map<String, Object> row = db.queryForMap("SELECT * FROM devices WHERE id = ?", device);
    assertThat(row)
        .containsEntry("name", "Main UPS")
        .containsEntry("host", "192.168.1.10")
        .containsEntry("firmware", "1.1")
        .containsEntry("serial", "SN1")
        .containsEntry("manufacturer", "APC");
    assertThat(row.get("model")).isIn("SmartUPS 1500X", "SmartUPS 1500");
    assertThat(lastSeen()).isEqualTo(T0.plusSeconds(30));

    // When an older reading arrives late
    sendReadings(
        ReadingBuilder.ups(device)
            .at(T0.minusSeconds(600))
            .metadata(new DeviceMetadata("APC", "Old", "0.9", "SN0"))
            .build());
    await().atMost(STORED_WITHIN).until(() -> snapshotCount() == 4);

    // Then it changes nothing
    assertThat(lastSeen()).isEqualTo(T0.plusSeconds(30));
    assertThat(db.queryForObject("SELECT firmware FROM devices WHERE id = ?", String.class, device))
        .isEqualTo("1.1");
  }

  @Test
  void anUnknownDeviceIsCreatedFromItsReadings() {
    startSink();

    sendReadings(
        reading(0)
            .named("Rack UPS")
            .address("10.0.0.7", 3493)
            .metadata(new DeviceMetadata("Eaton", "5P", "2.0", "E1"))
            .build());

    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                db.queryForObject("SELECT count(*) FROM devices WHERE id = ?", Long.class, device)
                    == 1);
    assertThat(db.queryForMap("SELECT * FROM devices WHERE id = ?", device))
        .containsEntry("name", "Rack UPS")
        .containsEntry("type", "ups")
        .containsEntry("poller", "nut")
        .containsEntry("host", "10.0.0.7")
        .containsEntry("port", 3493)
        .containsEntry("model", "5P")
        .containsEntry("enabled", true);
    assertThat(lastSeen()).isEqualTo(T0);
  }

  @Test
  void onlyTheNewestHeartbeatOfACollectorIsKept() {
    startSink();
    String collector = "collector-" + device;

    kafka.send(
        Topics.COLLECTOR_STATUS,
        List.of(
            new CollectorHeartbeat(1, collector, T0.plusSeconds(60), T0, true, 5, null, -1, 0, 0),
            new CollectorHeartbeat(1, collector, T0, T0, false, 4, null, -1, 0, 0)),
        CollectorHeartbeat::collectorId);

    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                db.queryForObject(
                        "SELECT count(*) FROM collector_status WHERE collector_id = ?",
                        Long.class,
                        collector)
                    == 1);
    Map<String, Object> row =
        db.queryForMap("SELECT * FROM collector_status WHERE collector_id = ?", collector);
    assertThat(row).containsEntry("devices_configured", 5).containsEntry("scheduler_running", true);
  }

  private Instant lastSeen() {
    return db.queryForObject(
            "SELECT last_seen FROM devices WHERE id = ?", OffsetDateTime.class, device)
        .toInstant();
  }

  private List<ConsumerRecord<byte[], byte[]>> deadLettersOf(ProductionLanes sink) {
    return kafka.readAll(Topics.DEAD_LETTER.name(), 1).stream()
        .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(device))
        .filter(r -> sink.groupIds().contains(header(r, DeadLetterHeaders.CONSUMER)))
        .toList();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static final List<String> TARGET_TOPICS =
      List.of(Topics.READINGS_PROBE.name(), Topics.TARGET_STATUS.name(), Topics.EVENTS.name());

  private ProbeBuilder probe(int secondsAfterT0) {
    return ProbeBuilder.target(target).at(T0.plusSeconds(secondsAfterT0));
  }

  private TargetStatus status(
      int secondsAfterT0, String status, int failures, boolean alerting, String error) {
    Instant checked = T0.plusSeconds(secondsAfterT0);
    return new TargetStatus(
        target,
        "Web",
        status,
        failures,
        3,
        alerting,
        failures == 0 ? null : T0,
        checked,
        55.5,
        "up".equals(status) ? 200 : null,
        error,
        Instant.parse("2026-09-01T00:00:00Z"));
  }

  /** A timestamptz column as JdbcTemplate's maps hold it. */
  private static Instant instant(Object column) {
    return ((java.sql.Timestamp) column).toInstant();
  }

  private long count(String sql, Object... args) {
    return db.queryForObject(sql, Long.class, args);
  }

  private Map<String, Object> targetStatusRow() {
    return db.queryForMap(
        "SELECT status, consecutive_failures, failure_threshold, alerting, streak_started_at,"
            + " last_checked_at, last_response_ms, last_status_code, last_error, cert_expires_at"
            + " FROM target_status WHERE target_id = ?",
        target);
  }

  @Test
  void probeResultsTargetStatusAndTargetEventsBecomeRowsAndAReplayChangesNothing() {
    // Given probe results, statuses (the newest sent first), a target event and a power event
    kafka.send(
        Topics.READINGS_PROBE,
        List.of(
            probe(0).responseTime(12.0).statusCode(200).build(),
            probe(60).down("HTTP 503").statusCode(503).responseTime(80.0).build(),
            probe(120).down("timeout").responseTime(null).build()),
        ProbeResult::key);
    kafka.send(
        Topics.TARGET_STATUS,
        List.of(status(120, "down", 2, true, "timeout"), status(60, "down", 1, false, "HTTP 503")),
        TargetStatus::key);
    sendEvents(
        DerivedEvent.target(
            target,
            TargetEventType.THRESHOLD_REACHED,
            T0.plusSeconds(120),
            Map.of("target_name", "Web", "failures", 2, "threshold", 2, "error", "timeout")),
        DerivedEvent.power(device, PowerEventType.ON_BATTERY, T0, Map.of()));

    // When a sink stores them
    ProductionLanes first = startSink();
    await().atMost(STORED_WITHIN).until(() -> first.caughtUp(kafka, TARGET_TOPICS));

    // Then every result is a row
    assertThat(count("SELECT count(*) FROM probe_results WHERE target_id = ?", target))
        .isEqualTo(3);
    Map<String, Object> failed =
        db.queryForMap(
            "SELECT up, response_time_ms, status_code, error, collector_id FROM probe_results"
                + " WHERE target_id = ? AND ts = ?",
            target,
            utc(T0.plusSeconds(60)));
    assertThat(failed)
        .containsEntry("up", false)
        .containsEntry("response_time_ms", 80.0)
        .containsEntry("status_code", 503)
        .containsEntry("error", "HTTP 503")
        .containsEntry("collector_id", "collector-1");

    // And the status is the newest, though it came first
    Map<String, Object> status = targetStatusRow();
    assertThat(status)
        .containsEntry("status", "down")
        .containsEntry("consecutive_failures", 2)
        .containsEntry("failure_threshold", 3)
        .containsEntry("alerting", true)
        .containsEntry("last_response_ms", 55.5)
        .containsEntry("last_error", "timeout");
    assertThat(instant(status.get("last_checked_at"))).isEqualTo(T0.plusSeconds(120));
    assertThat(instant(status.get("streak_started_at"))).isEqualTo(T0);

    // And the target event is in target_events, the power event in power_events only
    Map<String, Object> event =
        db.queryForMap(
            "SELECT event_type, severity, ts, metadata->>'target_name' AS target_name,"
                + " (metadata->>'failures')::int AS failures FROM target_events"
                + " WHERE target_id = ?",
            target);
    assertThat(event)
        .containsEntry("event_type", "threshold_reached")
        .containsEntry("severity", "high")
        .containsEntry("target_name", "Web")
        .containsEntry("failures", 2);
    assertThat(eventCount()).isEqualTo(1);
    assertThat(
            count("SELECT count(*) FROM power_events WHERE device_id = ?", Long.toString(target)))
        .isZero();
    first.stop();

    // When a sink in new consumer groups replays the topics from the start
    ProductionLanes replay = startSink();
    await().atMost(STORED_WITHIN).until(() -> replay.caughtUp(kafka, TARGET_TOPICS));

    // Then it wrote them again, and nothing changed
    assertThat(replay.counters().probeResultRows()).isGreaterThanOrEqualTo(3);
    assertThat(replay.counters().targetEventRows()).isGreaterThanOrEqualTo(1);
    assertThat(count("SELECT count(*) FROM probe_results WHERE target_id = ?", target))
        .isEqualTo(3);
    assertThat(count("SELECT count(*) FROM target_events WHERE target_id = ?", target))
        .isEqualTo(1);
    assertThat(targetStatusRow()).isEqualTo(status);

    // And an older status arriving late changes nothing, a newer one wins
    kafka.send(Topics.TARGET_STATUS, List.of(status(30, "up", 0, false, null)), TargetStatus::key);
    await().atMost(STORED_WITHIN).until(() -> replay.caughtUp(kafka, TARGET_TOPICS));
    assertThat(targetStatusRow()).isEqualTo(status);
    kafka.send(Topics.TARGET_STATUS, List.of(status(180, "up", 0, false, null)), TargetStatus::key);
    await().atMost(STORED_WITHIN).until(() -> "up".equals(targetStatusRow().get("status")));
    assertThat(targetStatusRow())
        .containsEntry("consecutive_failures", 0)
        .containsEntry("alerting", false)
        .containsEntry("last_status_code", 200);
    assertThat(targetStatusRow().get("streak_started_at")).isNull();
  }

  @Test
  void pduOutletsBecomeRowsBesideTheSnapshot() {
    startSink();

    sendReadings(
        reading(0)
            .pduOutlets(
                new OutletReading(1, "server-a", 120.5, 0.52),
                new OutletReading(2, "switch", null, 0.1))
            .build(),
        reading(30).pduOutlets(new OutletReading(1, "server-a", 130.0, 0.57)).build(),
        reading(60).failed("timeout"));
    sendReadings(reading(0).pduOutlets(new OutletReading(1, "server-a", 120.5, 0.52)).build());

    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                count("SELECT count(*) FROM pdu_outlet_readings WHERE device_id = ?", device) == 3
                    && snapshotCount() == 3);
    List<Map<String, Object>> rows =
        db.queryForList(
            "SELECT ts, outlet_index, name, power_watts, current_amps FROM pdu_outlet_readings"
                + " WHERE device_id = ? ORDER BY ts, outlet_index",
            device);
    assertThat(rows)
        .extracting(r -> r.get("outlet_index") + ":" + r.get("name") + ":" + r.get("power_watts"))
        .containsExactly("1:server-a:120.5", "2:switch:null", "1:server-a:130.0");
    assertThat(rows.get(0)).containsEntry("current_amps", 0.52);
    assertThat(
            db.queryForObject(
                "SELECT device_type FROM power_snapshots WHERE device_id = ?" + " AND ts = ?",
                String.class,
                device,
                utc(T0)))
        .isEqualTo("pdu");
  }

  @Test
  void theHeartbeatsV2FieldsAreStored() {
    startSink();
    String collector = "collector-" + device;

    kafka.send(
        Topics.COLLECTOR_STATUS,
        List.of(
            new CollectorHeartbeat(
                CollectorHeartbeat.SCHEMA_VERSION,
                collector,
                T0.plusSeconds(60),
                T0,
                true,
                4,
                T0.plusSeconds(50),
                420,
                4,
                0,
                true,
                false,
                T0.plusSeconds(55),
                "trigger-42",
                7)),
        CollectorHeartbeat::collectorId);

    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                count("SELECT count(*) FROM collector_status WHERE collector_id = ?", collector)
                    == 1);
    Map<String, Object> row =
        db.queryForMap("SELECT * FROM collector_status WHERE collector_id = ?", collector);
    assertThat(row)
        .containsEntry("scheduler_paused", true)
        .containsEntry("poll_in_progress", false)
        .containsEntry("last_trigger_id", "trigger-42")
        .containsEntry("targets_configured", 7);
    assertThat(instant(row.get("last_cycle_completed_at"))).isEqualTo(T0.plusSeconds(55));
  }

  @Test
  void unstorableTargetRecordsAreDeadLetteredAndTheOthersStored() {
    ProductionLanes sink = startSink();
    byte[] key = Long.toString(target).getBytes(StandardCharsets.UTF_8);

    // A status the table refuses, garbage among probe results, and a target event whose subject
    // is no target id, between good records
    kafka.send(
        Topics.TARGET_STATUS, List.of(status(0, "sideways", 1, false, "x")), TargetStatus::key);
    kafka.sendRaw(Topics.READINGS_PROBE.name(), key, "{garbage".getBytes(StandardCharsets.UTF_8));
    kafka.send(Topics.READINGS_PROBE, List.of(probe(0).build()), ProbeResult::key);
    kafka.send(
        Topics.EVENTS,
        List.of(
            new DerivedEvent(
                DerivedEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                DerivedEvent.SOURCE_TARGET,
                "web-" + target,
                "threshold_reached",
                null,
                T0,
                Map.of())),
        e -> Long.toString(target));
    kafka.send(Topics.TARGET_STATUS, List.of(status(60, "up", 0, false, null)), TargetStatus::key);

    // Then the good records are stored
    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                count("SELECT count(*) FROM probe_results WHERE target_id = ?", target) == 1
                    && count("SELECT count(*) FROM target_status WHERE target_id = ?", target)
                        == 1);
    assertThat(targetStatusRow()).containsEntry("status", "up");

    // And the three others are dead letters saying why
    await().atMost(STORED_WITHIN).until(() -> targetDeadLetters(sink).size() == 3);
    assertThat(targetDeadLetters(sink))
        .extracting(r -> header(r, DeadLetterHeaders.MESSAGE))
        .anySatisfy(m -> assertThat(m).contains("status must be up or down"))
        .anySatisfy(m -> assertThat(m).contains("Malformed ProbeResult"))
        .anySatisfy(m -> assertThat(m).contains("not a target id"));
    assertThat(sink.counters().malformedRecords()).isGreaterThanOrEqualTo(3);
  }

  private List<ConsumerRecord<byte[], byte[]>> targetDeadLetters(ProductionLanes sink) {
    String key = Long.toString(target);
    return kafka.readAll(Topics.DEAD_LETTER.name(), 3).stream()
        .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key))
        .filter(r -> sink.groupIds().contains(header(r, DeadLetterHeaders.CONSUMER)))
        .toList();
  }
}
