package dev.argus.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.testing.EmbeddedDatabase;
import dev.argus.processor.sink.TelemetrySink;
import dev.argus.processor.streams.ProcessorStreams;
import dev.argus.processor.system.DeadLetterHeaders;
import dev.argus.processor.system.DeadLetterSize;
import dev.argus.processor.testing.MotionReadingBuilder;
import dev.argus.processor.testing.ProbeBuilder;
import dev.argus.processor.testing.ReadingBuilder;
import dev.argus.processor.testing.TestKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The whole processor as it runs in production (application.yml, Spring wiring, Kafka Streams with
 * exactly-once, the sink) against an in-JVM broker and an embedded PostgreSQL: readings go in,
 * event and energy rows come out.
 */
class ProcessorIT {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");

  private TestKafka kafka;
  private String databaseUrl;
  private final List<Path> stateDirs = new ArrayList<>();
  private ConfigurableApplicationContext processor;

  @BeforeEach
  void startInfrastructure() {
    kafka = TestKafka.start();
    databaseUrl = EmbeddedDatabase.freshDatabase();
  }

  @AfterEach
  void stopInfrastructure() throws IOException {
    if (processor != null) {
      processor.close();
    }
    kafka.close();
    for (Path stateDir : stateDirs) {
      FileSystemUtils.deleteRecursively(stateDir);
    }
  }

  /** Starts the service with a state directory of its own and waits until Streams runs. */
  private ConfigurableApplicationContext startProcessor() {
    Path stateDir =
        Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
    stateDirs.add(stateDir);
    var started =
        new SpringApplicationBuilder(ProcessorApplication.class)
            .run(
                "--argus.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--argus.db.url=" + databaseUrl,
                "--argus.db.user=postgres",
                "--argus.streams.state-dir=" + stateDir);
    var streams = started.getBean(ProcessorStreams.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return started;
  }

  @Test
  void aUpsGoingOnBatteryBecomesAnEventRow() {
    // Given the processor running against the broker and the database
    processor = startProcessor();
    var streams = processor.getBean(ProcessorStreams.class);

    // When a UPS reports line power, a malformed record arrives, then the UPS is on battery
    send(ReadingBuilder.ups("ups-main").at(T0).status("OL").battery(100.0).build());
    kafka.sendRaw(
        Topics.READINGS_POWER.name(),
        "ups-main".getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8));
    send(
        ReadingBuilder.ups("ups-main")
            .at(T0.plusSeconds(30))
            .status("OB DISCHRG")
            .battery(96.0)
            .build());

    // Then the topology derives on_battery and the sink stores it, with both snapshots
    var db = new JdbcTemplate(EmbeddedDatabase.dataSource(databaseUrl));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.queryForList(
                        "SELECT event_type FROM power_events WHERE device_id = 'ups-main'",
                        String.class)
                    .contains("on_battery"));
    Map<String, Object> event =
        db.queryForMap(
            "SELECT ts, severity, metadata->>'previous_status' AS previous_status"
                + " FROM power_events WHERE device_id = 'ups-main'");
    assertThat(event).containsEntry("severity", "high").containsEntry("previous_status", "OL");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.queryForObject(
                        "SELECT count(*) FROM power_snapshots WHERE device_id = 'ups-main'",
                        Long.class)
                    == 2);

    // And both the topology and the sink skipped the garbage and dead-lettered it
    var sink = processor.getBean("readingsSink", TelemetrySink.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.counters().malformedRecords() == 1);
    assertThat(streams.malformedRecords()).isEqualTo(1);
    List<ConsumerRecord<byte[], byte[]>> deadLetters = kafka.readAll(Topics.DEAD_LETTER.name(), 2);
    assertThat(deadLetters)
        .extracting(ProcessorIT::consumerOf)
        .containsExactlyInAnyOrder("argus-processor", "argus-sink");

    // When the service shuts down, Streams and the sink stop
    processor.close();
    assertThat(streams.state()).isNull();
    processor = null;
  }

  @Test
  void aFailingTargetAlertsAndARuntimeLimitAppliesWithoutARestart() {
    // Given the processor running
    processor = startProcessor();
    var streams = processor.getBean(ProcessorStreams.class);
    var db = new JdbcTemplate(EmbeddedDatabase.dataSource(databaseUrl));

    // When a target fails twice against a threshold of 2, with garbage between the results
    kafka.send(
        Topics.READINGS_PROBE,
        List.of(ProbeBuilder.target(7).at(T0).down("timeout").threshold(2).build()),
        ProbeResult::key);
    kafka.sendRaw(
        Topics.READINGS_PROBE.name(),
        "7".getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8));
    kafka.send(
        Topics.READINGS_PROBE,
        List.of(ProbeBuilder.target(7).at(T0.plusSeconds(60)).down("timeout").threshold(2).build()),
        ProbeResult::key);

    // Then threshold_reached and the alerting status are stored, with both results
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.queryForList(
                        "SELECT event_type FROM target_events WHERE target_id = 7", String.class)
                    .equals(List.of("threshold_reached")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.queryForList(
                        "SELECT alerting FROM target_status WHERE target_id = 7"
                            + " AND consecutive_failures = 2",
                        Boolean.class)
                    .equals(List.of(true)));
    assertThat(
            db.queryForObject("SELECT count(*) FROM probe_results WHERE target_id = 7", Long.class))
        .isEqualTo(2);
    await().atMost(Duration.ofSeconds(30)).until(() -> streams.malformedRecords() == 1);

    // When a UPS runs at 60 % load (below the 90 % default), then the runtime configuration
    // lowers the limit to 50 % and the UPS reports again
    send(ReadingBuilder.ups("ups-load").at(T0).load(60.0).build());
    kafka.send(
        Topics.CONFIG,
        List.of(
            ConfigEntry.of(
                new RuntimeConfig(
                    5, List.of(), false, false, null, null, null, null, null, null, 50.0, null))),
        entry -> ConfigKeys.RUNTIME);
    // The global table is read by its own thread: once the limit applies, a reading crosses it.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              send(ReadingBuilder.ups("ups-load").at(Instant.now()).load(61.0).build());
              return db.queryForList(
                      "SELECT (metadata->>'limit')::float FROM power_events"
                          + " WHERE device_id = 'ups-load' AND event_type = 'threshold_crossed'",
                      Double.class)
                  .equals(List.of(50.0));
            });
  }

  @Test
  void aLargeMotionReadingBecomesAStoredEventWithItsFrames() {
    // Given the processor running
    processor = startProcessor();
    var streams = processor.getBean(ProcessorStreams.class);
    var db = new JdbcTemplate(EmbeddedDatabase.dataSource(databaseUrl));
    String camera = UUID.randomUUID().toString();

    // When a camera sends a reading of over 2 MB (four frames of 512 KB, base64 on the wire), the
    // same reading again, one within its cooldown, 2 MB of garbage, and goes offline
    MotionReading reading =
        MotionReadingBuilder.camera(camera).at(T0).frames(4, 512 * 1024).build();
    MotionReading coolingDown = MotionReadingBuilder.camera(camera).at(T0.plusSeconds(10)).build();
    kafka.send(
        Topics.READINGS_CAMERA, List.of(reading, reading, coolingDown), MotionReading::cameraId);
    byte[] garbage = new byte[2 * 1024 * 1024];
    Arrays.fill(garbage, (byte) '[');
    kafka.sendRaw(Topics.READINGS_CAMERA.name(), camera.getBytes(StandardCharsets.UTF_8), garbage);
    kafka.send(
        Topics.CAMERA_STATUS,
        List.of(MotionReadingBuilder.status(camera, "offline", T0, "connection refused")),
        CameraStatus::cameraId);

    // Then the topology raises one event, and the sink stores it with its frames, byte for byte
    String eventId = CameraEvent.idFor(reading.readingId());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.queryForObject(
                        "SELECT count(*) FROM camera_event_frames WHERE event_id = ?::uuid",
                        Long.class,
                        eventId)
                    == 4);
    assertThat(
            db.queryForObject(
                "SELECT count(*) FROM camera_events WHERE camera_id = ?::uuid", Long.class, camera))
        .isEqualTo(1);
    List<byte[]> frames =
        db.queryForList(
            "SELECT jpeg FROM camera_event_frames WHERE event_id = ?::uuid ORDER BY frame_index",
            byte[].class,
            eventId);
    for (int i = 0; i < 4; i++) {
      assertThat(frames.get(i)).isEqualTo(reading.frames().get(i).jpeg());
    }
    // and camera_offline on argus.events
    assertThat(kafka.readAll(Topics.EVENTS.name(), 1))
        .filteredOn(r -> camera.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .extracting(
            r -> Topics.EVENTS.valueSerde().deserializer().deserialize("t", r.value()).eventType())
        .containsExactly("camera_offline");
    // And the garbage is dead-lettered by the topology, cut to what the topic accepts
    await().atMost(Duration.ofSeconds(30)).until(() -> streams.malformedRecords() == 1);
    assertThat(kafka.readAll(Topics.DEAD_LETTER.name(), 1))
        .filteredOn(r -> "argus-processor".equals(consumerOf(r)))
        .singleElement()
        .satisfies(
            deadLetter -> {
              assertThat(deadLetter.value()).hasSize(DeadLetterSize.MAX_VALUE_BYTES);
              assertThat(
                      new String(
                          deadLetter
                              .headers()
                              .lastHeader(DeadLetterHeaders.VALUE_TRUNCATED)
                              .value(),
                          StandardCharsets.UTF_8))
                  .isEqualTo(Integer.toString(garbage.length));
            });
  }

  @Test
  void aHeldProtectMotionIsReleasedOrHiddenAndMatchingEventsOpenAlerts() {
    // Given the processor running and a camera alert rule for every camera and type
    processor = startProcessor();
    var db = new JdbcTemplate(EmbeddedDatabase.dataSource(databaseUrl));
    String lone = UUID.randomUUID().toString();
    String doorbell = UUID.randomUUID().toString();
    String ruleId = UUID.randomUUID().toString();
    kafka.send(
        Topics.CONFIG,
        List.of(
            ConfigEntry.of(
                new CameraAlertRuleConfig(ruleId, "Anything", List.of(), List.of(), true, true))),
        entry -> ConfigKeys.cameraRule(entry.cameraRule().id()));

    // When one Protect camera reports a lone motion with 2 MB of frames (held in a changelogged
    // store), and another a motion and, a second later, the person of the same moment
    MotionReading loneMotion =
        MotionReadingBuilder.camera(lone).protect().at(T0).frames(4, 512 * 1024).build();
    MotionReading doorbellMotion = MotionReadingBuilder.camera(doorbell).protect().at(T0).build();
    MotionReading person =
        MotionReadingBuilder.camera(doorbell)
            .protect()
            .at(T0.plusSeconds(1))
            .type("person")
            .objects("person")
            .build();
    kafka.send(
        Topics.READINGS_CAMERA,
        List.of(loneMotion, doorbellMotion, person),
        MotionReading::cameraId);

    // Then the lone motion becomes an event once its hold has passed, with its frames
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.queryForObject(
                        "SELECT count(*) FROM camera_event_frames WHERE event_id = ?::uuid",
                        Long.class,
                        CameraEvent.idFor(loneMotion.readingId()))
                    == 4);
    // and the person hid the other camera's motion: one event, typed by Protect
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.queryForObject(
                        "SELECT count(*) FROM llm_alerts WHERE rule_id = ?::uuid",
                        Long.class,
                        ruleId)
                    == 2);
    assertThat(
            db.queryForList(
                "SELECT detection_type || '/' || detector || '/' || detector_objects::text"
                    + " FROM camera_events WHERE camera_id = ?::uuid",
                String.class,
                doorbell))
        .containsExactly(
            "person/protect/[{\"box\": null, \"label\": \"person\", \"confidence\": 0.9}]");
    // and each event opened one alert in the alert list, naming its camera and event
    assertThat(
            db.queryForList(
                "SELECT camera_id::text || '/' || event_id::text || '/' || message FROM llm_alerts"
                    + " WHERE rule_id = ?::uuid ORDER BY message",
                String.class,
                ruleId))
        .containsExactlyInAnyOrder(
            lone
                + "/"
                + CameraEvent.idFor(loneMotion.readingId())
                + "/Motion detected on Front door (rule 'Anything')",
            doorbell
                + "/"
                + CameraEvent.idFor(person.readingId())
                + "/Person detected on Front door (rule 'Anything')");
  }

  @Test
  void energyIsCountedOnceAcrossARestart() {
    // Given the processor running, and a UPS drawing 240 W polled every 30 s (2 Wh per interval)
    processor = startProcessor();
    var db = new JdbcTemplate(EmbeddedDatabase.dataSource(databaseUrl));

    // When it reports for 5 minutes, and the service stops once that is stored
    sendEnergyReadings(0, 10);
    await().atMost(Duration.ofSeconds(60)).until(() -> energyAsOf(db, T0.plusSeconds(300)));
    assertThat(whTotal(db)).isEqualTo(20.0);
    processor.close();
    processor = null;

    // And it keeps reporting while the service is down, then the service starts again with an
    // empty state directory, so the energy state comes back from its changelog
    sendEnergyReadings(11, 20);
    processor = startProcessor();

    // And a producer retry repeats the last reading, then 5 more minutes are reported
    send(energyReading(20));
    sendEnergyReadings(21, 30);

    // Then the total is the exact integral of the 15 minutes, every interval counted once
    await().atMost(Duration.ofSeconds(60)).until(() -> energyAsOf(db, T0.plusSeconds(900)));
    assertThat(whTotal(db)).isEqualTo(60.0);
    assertThat(
            db.queryForObject(
                "SELECT wh FROM energy_daily WHERE device_id = 'ups-energy' AND day = ?",
                Double.class,
                LocalDate.parse("2026-05-27")))
        .isEqualTo(60.0);
  }

  private void sendEnergyReadings(int firstPoll, int lastPoll) {
    List<PowerReading> readings = new ArrayList<>();
    for (int poll = firstPoll; poll <= lastPoll; poll++) {
      readings.add(energyReading(poll));
    }
    kafka.send(Topics.READINGS_POWER, readings, PowerReading::deviceId);
  }

  private static PowerReading energyReading(int poll) {
    return ReadingBuilder.ups("ups-energy").at(T0.plusSeconds(30L * poll)).power(240.0).build();
  }

  private static boolean energyAsOf(JdbcTemplate db, Instant asOf) {
    List<Instant> stored =
        db
            .queryForList(
                "SELECT as_of FROM energy_totals WHERE device_id = 'ups-energy'",
                OffsetDateTime.class)
            .stream()
            .map(OffsetDateTime::toInstant)
            .toList();
    return stored.contains(asOf);
  }

  private static double whTotal(JdbcTemplate db) {
    return db.queryForObject(
        "SELECT wh_total FROM energy_totals WHERE device_id = 'ups-energy'", Double.class);
  }

  private void send(PowerReading reading) {
    kafka.send(Topics.READINGS_POWER, List.of(reading), PowerReading::deviceId);
  }

  private static String consumerOf(ConsumerRecord<byte[], byte[]> record) {
    var header = record.headers().lastHeader(DeadLetterHeaders.CONSUMER);
    return header == null
        ? "none: " + record.headers().toString().lines().collect(Collectors.joining())
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
