package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.contract.camera.RelativeBox;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.Severity;
import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.testing.EmbeddedDatabase;
import dev.argus.processor.system.DatabaseConfiguration;
import dev.argus.processor.system.DatabaseProperties;
import dev.argus.processor.system.DeadLetterHeaders;
import dev.argus.processor.system.DeadLetterSize;
import dev.argus.processor.testing.MotionReadingBuilder;
import dev.argus.processor.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The camera tables written by the sink's production lanes, against a real in-JVM broker and a real
 * embedded PostgreSQL; each test uses its own camera and event ids, database and consumer groups
 * (so a test's lanes also replay the records of the tests before it, into their own database).
 */
class CameraSinkIT {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final Duration STORED_WITHIN = Duration.ofSeconds(30);
  private static final List<String> CAMERA_TOPICS =
      List.of(
          Topics.CAMERA_STATUS.name(),
          Topics.CAMERA_EVENTS.name(),
          Topics.CAMERA_DESCRIPTIONS.name(),
          Topics.PROTECT_STATUS.name(),
          Topics.EVENTS.name());

  private static TestKafka kafka;

  private final List<ProductionLanes> sinks = new ArrayList<>();
  private HikariDataSource dataSource;
  private JdbcTemplate db;
  private String camera;

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
    ArgusSchema.migrate(dataSource);
    db = new JdbcTemplate(dataSource);
    camera = UUID.randomUUID().toString();
  }

  @AfterEach
  void stopSinks() {
    sinks.forEach(ProductionLanes::stop);
    dataSource.close();
  }

  private ProductionLanes startSink() {
    var settings =
        new SinkProperties(
            "camera-sink-test-" + UUID.randomUUID(),
            2000,
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    var sink = ProductionLanes.start(kafka.properties(), settings, dataSource);
    sinks.add(sink);
    return sink;
  }

  private void storedBy(ProductionLanes sink) {
    await().atMost(STORED_WITHIN).until(() -> sink.caughtUp(kafka, CAMERA_TOPICS));
  }

  /** The event the processor raises from a reading of this test's camera. */
  private CameraEvent event(MotionReading reading) {
    return new CameraEvent(
        CameraEvent.idFor(reading.readingId()),
        reading.readingId(),
        reading.cameraId(),
        reading.cameraName(),
        reading.at(),
        reading.source(),
        reading.detectionType(),
        reading.score(),
        reading.box(),
        reading.frames(),
        reading.thumbnail(),
        reading.analysisMode(),
        reading.promptOverride(),
        reading.smartDetectionTypes(),
        List.of(),
        null);
  }

  private CameraEvent event(int secondsAfterT0, int frames) {
    return event(
        MotionReadingBuilder.camera(camera)
            .at(T0.plusSeconds(secondsAfterT0))
            .frames(frames, 1_000)
            .build());
  }

  private EventDescription described(
      CameraEvent event, int secondsAfterEvent, String type, String text) {
    return new EventDescription(
        UUID.randomUUID().toString(),
        event.eventId(),
        event.cameraId(),
        event.occurredAt().plusSeconds(secondsAfterEvent),
        EventDescription.DESCRIBED,
        text,
        type,
        List.of(new DetectedObject(type, 0.9, new RelativeBox(0.1, 0.1, 0.2, 0.5))),
        "OpenAI",
        "gpt-4.1-mini",
        900,
        40,
        0.00042,
        1_200L,
        List.of("OpenAI: ok"),
        null,
        "Describe the scene",
        secondsAfterEvent > 60);
  }

  private EventDescription failed(CameraEvent event, int secondsAfterEvent) {
    return new EventDescription(
        UUID.randomUUID().toString(),
        event.eventId(),
        event.cameraId(),
        event.occurredAt().plusSeconds(secondsAfterEvent),
        EventDescription.FAILED,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        30_000L,
        List.of("OpenAI: timeout", "Anthropic: 429"),
        "every provider failed",
        "Describe the scene",
        true);
  }

  private void sendEvents(CameraEvent... events) {
    kafka.send(Topics.CAMERA_EVENTS, List.of(events), CameraEvent::cameraId);
  }

  private void sendDescriptions(EventDescription... descriptions) {
    kafka.send(Topics.CAMERA_DESCRIPTIONS, List.of(descriptions), EventDescription::cameraId);
  }

  private long count(String sql, Object... args) {
    return db.queryForObject(sql, Long.class, args);
  }

  private Map<String, Object> eventRow(CameraEvent event) {
    return db.queryForMap(
        "SELECT reading_id, camera_id::text AS camera_id, camera_name, occurred_at, source,"
            + " detection_type, score, box::text AS box, analysis_mode, thumbnail, description,"
            + " objects::text AS objects, description_status, description_id::text AS"
            + " description_id, provider, model, input_tokens, output_tokens, cost_usd,"
            + " ai_latency_ms, description_error, described_at"
            + " FROM camera_events WHERE id = ?::uuid",
        event.eventId());
  }

  private List<String> history(CameraEvent event) {
    return db.queryForList(
        "SELECT id::text FROM camera_event_descriptions WHERE event_id = ?::uuid"
            + " ORDER BY described_at",
        String.class,
        event.eventId());
  }

  @Test
  void anEventIsStoredWithItsFramesOnceAndAReplayChangesNothing() {
    // Given an event with three frames and a thumbnail, sent twice, and the camera's statuses
    // (the newest first)
    CameraEvent event = event(0, 3);
    sendEvents(event, event);
    kafka.send(
        Topics.CAMERA_STATUS,
        List.of(
            MotionReadingBuilder.status(camera, "offline", T0.plusSeconds(60), "timeout"),
            MotionReadingBuilder.status(camera, "online", T0, null)),
        CameraStatus::cameraId);

    // When the production lanes store them
    ProductionLanes sink = startSink();
    storedBy(sink);

    // Then the event is one row with everything the api shows, waiting for its description
    Map<String, Object> row = eventRow(event);
    assertThat(row)
        .containsEntry("reading_id", event.readingId())
        .containsEntry("camera_id", camera)
        .containsEntry("camera_name", "Front door")
        .containsEntry("source", "motion")
        .containsEntry("detection_type", "motion")
        .containsEntry("score", 0.12)
        .containsEntry("analysis_mode", "multi_frame")
        .containsEntry("description_status", "pending")
        .containsEntry("description", null)
        .containsEntry("objects", "[]");
    assertThat((byte[]) row.get("thumbnail")).isEqualTo(event.thumbnail());
    assertThat(row.get("box").toString()).contains("\"width\"").contains("0.3");
    // and its frames in order, byte for byte
    List<Map<String, Object>> frames =
        db.queryForList(
            "SELECT frame_index, captured_at, width, height, jpeg FROM camera_event_frames"
                + " WHERE event_id = ?::uuid ORDER BY frame_index",
            event.eventId());
    assertThat(frames).extracting(f -> f.get("frame_index")).containsExactly(0, 1, 2);
    for (int i = 0; i < 3; i++) {
      CapturedFrame sent = event.frames().get(i);
      assertThat((byte[]) frames.get(i).get("jpeg")).isEqualTo(sent.jpeg());
      assertThat(((java.sql.Timestamp) frames.get(i).get("captured_at")).toInstant())
          .isEqualTo(sent.capturedAt());
      assertThat(frames.get(i)).containsEntry("width", 640).containsEntry("height", 360);
    }
    // and the camera's newest status
    assertThat(
            db.queryForMap(
                "SELECT state, reason, fps, codec FROM camera_status WHERE camera_id = ?::uuid",
                camera))
        .containsEntry("state", "offline")
        .containsEntry("reason", "timeout")
        .containsEntry("codec", "h264");

    // When another sink (a new group) replays every record into the same database
    ProductionLanes replay = startSink();
    storedBy(replay);

    // Then nothing changed, though it sent the rows again
    assertThat(replay.counters().cameraRows()).isPositive();
    assertThat(count("SELECT count(*) FROM camera_events WHERE camera_id = ?::uuid", camera))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM camera_event_frames WHERE event_id = ?::uuid",
                event.eventId()))
        .isEqualTo(3);
    assertThat(
            db.queryForObject(
                "SELECT state FROM camera_status WHERE camera_id = ?::uuid", String.class, camera))
        .isEqualTo("offline");
  }

  @Test
  void aDescriptionStoredBeforeItsEventBecomesTheEventsDescription() {
    // Given a description whose event has not arrived yet
    CameraEvent event = event(0, 1);
    EventDescription description = described(event, 5, "person", "A courier at the door.");
    sendDescriptions(description);
    ProductionLanes sink = startSink();
    storedBy(sink);
    assertThat(history(event)).containsExactly(description.descriptionId());
    assertThat(count("SELECT count(*) FROM camera_events WHERE camera_id = ?::uuid", camera))
        .isZero();

    // When the event arrives
    sendEvents(event);
    storedBy(sink);

    // Then its row carries the description
    assertThat(eventRow(event))
        .containsEntry("description", "A courier at the door.")
        .containsEntry("description_status", "described")
        .containsEntry("description_id", description.descriptionId())
        .containsEntry("detection_type", "person")
        .containsEntry("provider", "OpenAI")
        .containsEntry("model", "gpt-4.1-mini")
        .containsEntry("input_tokens", 900)
        .containsEntry("output_tokens", 40)
        .containsEntry("ai_latency_ms", 1_200L)
        .containsEntry("description_error", null);
    assertThat(eventRow(event).get("objects").toString()).contains("\"label\": \"person\"");
    assertThat(eventRow(event).get("cost_usd").toString()).isEqualTo("0.000420");
  }

  @Test
  void aDescriptionAfterItsEventIsStoredInTheRowAndTheHistory() {
    CameraEvent event = event(0, 1);
    sendEvents(event);
    ProductionLanes sink = startSink();
    storedBy(sink);
    assertThat(eventRow(event)).containsEntry("description_status", "pending");

    EventDescription description = described(event, 5, "vehicle", "A van parks.");
    sendDescriptions(description);
    storedBy(sink);

    assertThat(eventRow(event))
        .containsEntry("description", "A van parks.")
        .containsEntry("description_status", "described")
        .containsEntry("detection_type", "vehicle")
        .containsEntry("description_id", description.descriptionId());
    assertThat(history(event)).containsExactly(description.descriptionId());
  }

  @Test
  void aReanalysisReplacesTheCurrentDescriptionAndBothStayInTheHistory() {
    // Given an event described as a person
    CameraEvent event = event(0, 1);
    EventDescription first = described(event, 5, "person", "Someone walks by.");
    sendEvents(event);
    sendDescriptions(first);
    ProductionLanes sink = startSink();
    storedBy(sink);
    assertThat(eventRow(event)).containsEntry("description_id", first.descriptionId());

    // When a user asks for a re-analysis, which sees an animal
    EventDescription second = described(event, 3_600, "animal", "A fox crosses the lawn.");
    sendDescriptions(second);
    storedBy(sink);

    // Then the newest is the event's description, and both are in its history
    assertThat(eventRow(event))
        .containsEntry("description", "A fox crosses the lawn.")
        .containsEntry("detection_type", "animal")
        .containsEntry("description_id", second.descriptionId());
    assertThat(history(event)).containsExactly(first.descriptionId(), second.descriptionId());

    // When an older description arrives late, nothing moves
    EventDescription late = described(event, 1, "vehicle", "A car.");
    sendDescriptions(late);
    storedBy(sink);
    assertThat(eventRow(event)).containsEntry("description_id", second.descriptionId());

    // And a newer re-analysis that failed is the current outcome; the type stays the newest
    // described one
    EventDescription failure = failed(event, 7_200);
    sendDescriptions(failure);
    storedBy(sink);
    assertThat(eventRow(event))
        .containsEntry("description_status", "failed")
        .containsEntry("description_id", failure.descriptionId())
        .containsEntry("description_error", "every provider failed")
        .containsEntry("description", null)
        .containsEntry("detection_type", "animal");
    assertThat(history(event)).hasSize(4);
  }

  @Test
  void unstorableAndOversizedCameraRecordsAreDeadLetteredAndTheOthersStored() {
    ProductionLanes sink = startSink();
    byte[] key = camera.getBytes(StandardCharsets.UTF_8);

    // An event of a camera that is no UUID, a description with an unknown outcome, and 2 MB of
    // garbage (as large as a reading with its frames), then a good event
    CameraEvent good = event(0, 1);
    CameraEvent notUuid =
        new CameraEvent(
            UUID.randomUUID().toString(),
            "r-1",
            "front-door",
            null,
            T0,
            "motion",
            "motion",
            0.1,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            List.of(),
            null);
    kafka.sendRaw(
        Topics.CAMERA_EVENTS.name(),
        key,
        Topics.CAMERA_EVENTS.valueSerde().serializer().serialize("t", notUuid));
    EventDescription unknownOutcome = described(good, 5, "person", "?");
    kafka.sendRaw(
        Topics.CAMERA_DESCRIPTIONS.name(),
        key,
        new String(
                Topics.CAMERA_DESCRIPTIONS.valueSerde().serializer().serialize("t", unknownOutcome),
                StandardCharsets.UTF_8)
            .replace("\"described\"", "\"maybe\"")
            .getBytes(StandardCharsets.UTF_8));
    byte[] garbage = new byte[2 * 1024 * 1024];
    Arrays.fill(garbage, (byte) '{');
    kafka.sendRaw(Topics.CAMERA_EVENTS.name(), key, garbage);
    sendEvents(good);

    // Then the good event is stored and the three others are dead letters saying why
    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                count("SELECT count(*) FROM camera_events WHERE camera_id = ?::uuid", camera) == 1);
    await().atMost(STORED_WITHIN).until(() -> deadLetters(sink).size() == 3);
    List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLetters(sink);
    assertThat(deadLetters)
        .extracting(r -> header(r, DeadLetterHeaders.MESSAGE))
        .anySatisfy(m -> assertThat(m).contains("camera_id is not a UUID"))
        .anySatisfy(m -> assertThat(m).contains("outcome must be described, failed or paused"));
    // and the oversized one is cut to what the dead-letter topic accepts, saying how large it was
    ConsumerRecord<byte[], byte[]> oversized =
        deadLetters.stream()
            .filter(r -> header(r, DeadLetterHeaders.VALUE_TRUNCATED) != null)
            .findFirst()
            .orElseThrow();
    assertThat(header(oversized, DeadLetterHeaders.VALUE_TRUNCATED))
        .isEqualTo(Integer.toString(garbage.length));
    assertThat(oversized.value()).hasSize(DeadLetterSize.MAX_VALUE_BYTES);
    assertThat(history(good)).isEmpty();
  }

  @Test
  void theRetentionDeletesOldEventsWithTheirFramesAndHistoryAndKeepsNewOnes() throws Exception {
    // Given a retention of 30 days, an event of 40 days ago and one of yesterday, each with
    // frames and a description, and a 40-day-old description whose event never came
    Instant now = T0.plus(Duration.ofDays(100));
    db.update("UPDATE camera_settings SET event_retention_days = 30 WHERE id = 1");
    CameraEvent old = event((int) Duration.ofDays(60).toSeconds(), 2);
    CameraEvent recent = event((int) Duration.ofDays(99).toSeconds(), 2);
    CameraEvent neverStored = event((int) Duration.ofDays(60).toSeconds(), 1);
    sendEvents(old, recent);
    sendDescriptions(
        described(old, 5, "person", "Old."),
        described(recent, 5, "person", "New."),
        described(neverStored, 5, "person", "Orphan."));
    ProductionLanes sink = startSink();
    storedBy(sink);

    // When the retention runs
    var retention = new CameraEventRetention(dataSource, Clock.systemUTC());
    int deleted = retention.deleteExpired(now);

    // Then the old event, its frames and its history are gone, and so is the orphan description;
    // the recent event keeps everything (the lanes also replayed other tests' old events into this
    // database, which go too)
    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(count("SELECT count(*) FROM camera_events WHERE id = ?::uuid", old.eventId()))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM camera_event_frames WHERE event_id = ?::uuid", old.eventId()))
        .isZero();
    assertThat(history(old)).isEmpty();
    assertThat(history(neverStored)).isEmpty();
    assertThat(count("SELECT count(*) FROM camera_events WHERE id = ?::uuid", recent.eventId()))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM camera_event_frames WHERE event_id = ?::uuid",
                recent.eventId()))
        .isEqualTo(2);
    assertThat(history(recent)).hasSize(1);
    assertThat(retention.deleteExpired(now)).isZero();

    // And the setting is read at every run: at 1 day, the recent event goes too
    db.update("UPDATE camera_settings SET event_retention_days = 1 WHERE id = 1");
    assertThat(retention.deleteExpired(now.plus(Duration.ofDays(1)))).isEqualTo(1);
    assertThat(history(recent)).isEmpty();
  }

  @Test
  void aDetectorsTypeAndObjectsStayWhenTheDescriptionSaysOtherwise() {
    // Given an event the CPU detector typed as a person, and a camera status naming the detector
    MotionReading reading =
        MotionReadingBuilder.camera(camera)
            .at(T0)
            .type("person")
            .objects("person")
            .detector("centernet")
            .build();
    CameraEvent detected =
        new CameraEvent(
            CameraEvent.idFor(reading.readingId()),
            reading.readingId(),
            camera,
            reading.cameraName(),
            reading.at(),
            reading.source(),
            "person",
            reading.score(),
            reading.box(),
            reading.frames(),
            reading.thumbnail(),
            reading.analysisMode(),
            null,
            List.of(),
            reading.objects(),
            "centernet");
    // and an event of the same camera no detector typed
    CameraEvent untyped = event(60, 1);
    sendEvents(detected, untyped);
    kafka.send(
        Topics.CAMERA_STATUS,
        List.of(
            new CameraStatus(
                camera,
                "Front door",
                "collector-1",
                "online",
                null,
                5.0,
                640,
                360,
                "h264",
                T0,
                "centernet")),
        CameraStatus::cameraId);
    ProductionLanes sink = startSink();
    storedBy(sink);

    // When the AI describes both as a vehicle
    sendDescriptions(
        described(detected, 5, "vehicle", "A van."), described(untyped, 5, "vehicle", "A van."));
    storedBy(sink);

    // Then the detector's event keeps its type and objects beside the description's
    Map<String, Object> row =
        db.queryForMap(
            "SELECT detection_type, detector, detector_objects::text AS detector_objects,"
                + " objects::text AS objects, description FROM camera_events WHERE id = ?::uuid",
            detected.eventId());
    assertThat(row)
        .containsEntry("detection_type", "person")
        .containsEntry("detector", "centernet")
        .containsEntry("description", "A van.");
    assertThat(row.get("detector_objects").toString())
        .contains("\"label\": \"person\"")
        .doesNotContain("vehicle");
    assertThat(row.get("objects").toString()).contains("\"label\": \"vehicle\"");
    // while the one no detector typed takes the description's type, with no detector objects
    assertThat(
            db.queryForMap(
                "SELECT detection_type, detector, detector_objects::text AS detector_objects"
                    + " FROM camera_events WHERE id = ?::uuid",
                untyped.eventId()))
        .containsEntry("detection_type", "vehicle")
        .containsEntry("detector", null)
        .containsEntry("detector_objects", "[]");
    // and the status says which detector types the camera's events
    assertThat(
            db.queryForObject(
                "SELECT detector FROM camera_status WHERE camera_id = ?::uuid",
                String.class,
                camera))
        .isEqualTo("centernet");
  }

  @Test
  void theNewestStatusOfAProtectControllerWinsAndAReplayChangesNothing() {
    // Given a controller's connected status, then a late older one (the newest first)
    String controller = UUID.randomUUID().toString();
    kafka.send(
        Topics.PROTECT_STATUS,
        List.of(
            new ProtectControllerStatus(
                controller,
                "collector-1",
                ProtectControllerStatus.CONNECTED,
                null,
                "UNVR",
                "4.0.21",
                3,
                "update-42",
                T0.plusSeconds(30),
                T0.plusSeconds(60)),
            new ProtectControllerStatus(
                controller,
                "collector-1",
                ProtectControllerStatus.ERROR,
                "401 Unauthorized",
                null,
                null,
                null,
                null,
                null,
                T0)),
        ProtectControllerStatus::controllerId);

    // When the lanes store them, twice (a replay under another group)
    ProductionLanes sink = startSink();
    storedBy(sink);
    ProductionLanes replay = startSink();
    storedBy(replay);

    // Then the row is the newest status
    Map<String, Object> row =
        db.queryForMap(
            "SELECT collector_id, state, reason, nvr_name, nvr_version, cameras_found,"
                + " last_update_id, last_event_at, updated_at FROM protect_controller_status"
                + " WHERE controller_id = ?::uuid",
            controller);
    assertThat(row)
        .containsEntry("collector_id", "collector-1")
        .containsEntry("state", "connected")
        .containsEntry("reason", null)
        .containsEntry("nvr_name", "UNVR")
        .containsEntry("nvr_version", "4.0.21")
        .containsEntry("cameras_found", 3)
        .containsEntry("last_update_id", "update-42");
    assertThat(((java.sql.Timestamp) row.get("last_event_at")).toInstant())
        .isEqualTo(T0.plusSeconds(30));
    assertThat(((java.sql.Timestamp) row.get("updated_at")).toInstant())
        .isEqualTo(T0.plusSeconds(60));
  }

  /** A camera_detection event as the camera topology raises it (see CameraAlertEvents). */
  private DerivedEvent cameraAlert(String ruleId, CameraEvent event) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(
        "alert_id", UUID.nameUUIDFromBytes((ruleId + event.eventId()).getBytes()).toString());
    metadata.put("rule_id", ruleId);
    metadata.put("rule_name", "People at night");
    metadata.put("rule_type", "camera_detection");
    metadata.put("camera_id", event.cameraId());
    metadata.put("camera_name", event.cameraName());
    metadata.put("event_id", event.eventId());
    metadata.put("detection_type", event.detectionType());
    metadata.put("notify_in_app", true);
    metadata.put("message", "Person detected on Front door (rule 'People at night')");
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        DerivedEvent.SOURCE_CAMERA,
        event.cameraId(),
        "camera_detection",
        Severity.MEDIUM,
        event.occurredAt(),
        metadata);
  }

  @Test
  void aCameraAlertIsOneResolvedRowOfTheAlertListAndAMalformedOneIsDeadLettered() {
    // Given a camera alert sent twice, one without its camera event, and camera_offline (which the
    // api delivers from the topic and the sink does not store)
    String ruleId = UUID.randomUUID().toString();
    CameraEvent event = event(0, 1);
    DerivedEvent alert = cameraAlert(ruleId, event);
    DerivedEvent withoutEvent = cameraAlert(ruleId, event(10, 1));
    Map<String, Object> metadata = new LinkedHashMap<>(withoutEvent.metadata());
    metadata.remove("event_id");
    withoutEvent =
        new DerivedEvent(
            withoutEvent.schemaVersion(),
            withoutEvent.eventId(),
            withoutEvent.source(),
            withoutEvent.subjectId(),
            withoutEvent.eventType(),
            withoutEvent.severity(),
            withoutEvent.timestamp(),
            metadata);
    DerivedEvent offline =
        new DerivedEvent(
            DerivedEvent.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            DerivedEvent.SOURCE_CAMERA,
            camera,
            "camera_offline",
            Severity.HIGH,
            T0,
            Map.of("camera_name", "Front door"));
    kafka.send(
        Topics.EVENTS, List.of(alert, alert, withoutEvent, offline), DerivedEvent::subjectId);

    // When the lanes store them
    ProductionLanes sink = startSink();
    storedBy(sink);

    // Then the alert is one row of llm_alerts: resolved at its own moment, unacknowledged
    List<Map<String, Object>> rows =
        db.queryForList(
            "SELECT id::text AS id, rule_id::text AS rule_id, rule_name, rule_type, model_id,"
                + " subject, severity, message, opened_at, resolved_at, acknowledged,"
                + " camera_id::text AS camera_id, event_id::text AS event_id"
                + " FROM llm_alerts WHERE camera_id = ?::uuid",
            camera);
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst())
        .containsEntry("id", alert.metadata().get("alert_id"))
        .containsEntry("rule_id", ruleId)
        .containsEntry("rule_name", "People at night")
        .containsEntry("rule_type", "camera_detection")
        .containsEntry("model_id", null)
        .containsEntry("subject", "Front door")
        .containsEntry("severity", "medium")
        .containsEntry("message", "Person detected on Front door (rule 'People at night')")
        .containsEntry("acknowledged", false)
        .containsEntry("camera_id", camera)
        .containsEntry("event_id", event.eventId());
    assertThat(((java.sql.Timestamp) rows.getFirst().get("opened_at")).toInstant()).isEqualTo(T0);
    assertThat(((java.sql.Timestamp) rows.getFirst().get("resolved_at")).toInstant()).isEqualTo(T0);
    // and the one without its event is a dead letter saying why
    await()
        .atMost(STORED_WITHIN)
        .untilAsserted(
            () ->
                assertThat(deadLetters(sink))
                    .extracting(r -> header(r, DeadLetterHeaders.MESSAGE))
                    .anySatisfy(m -> assertThat(m).contains("metadata.event_id is required")));

    // When another sink replays everything into the same database, nothing changes
    ProductionLanes replay = startSink();
    storedBy(replay);
    assertThat(count("SELECT count(*) FROM llm_alerts WHERE camera_id = ?::uuid", camera))
        .isEqualTo(1);
  }

  private List<ConsumerRecord<byte[], byte[]>> deadLetters(ProductionLanes sink) {
    return kafka.readAll(Topics.DEAD_LETTER.name(), 3).stream()
        .filter(r -> sink.groupIds().contains(header(r, DeadLetterHeaders.CONSUMER)))
        .filter(r -> r.key() != null && camera.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .toList();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
