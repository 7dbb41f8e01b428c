package dev.argus.processor.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.Severity;
import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import dev.argus.processor.testing.MotionReadingBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The production camera topology and Streams configuration under {@link TopologyTestDriver}:
 * explicit reading and status times (the driver's wall clock never moves), assertions on both
 * output topics and on the state stores.
 */
class CameraTopologyTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final String CAMERA = "6f1c2a52-3d2b-4c1e-9a57-0b8f7c1d2e3f";
  private static final String OTHER_CAMERA = "0a9e3c1b-5f2d-4e6a-8b7c-1d2e3f4a5b6c";

  private final AtomicLong malformedRecords = new AtomicLong();
  private final Path stateDir =
      Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
  private TopologyTestDriver driver;
  private TestInputTopic<String, MotionReading> readings;
  private TestInputTopic<String, CameraStatus> statuses;
  private TestOutputTopic<String, CameraEvent> cameraEvents;
  private TestOutputTopic<String, DerivedEvent> events;
  private KeyValueStore<String, MotionState> motionStates;
  private KeyValueStore<String, CameraStatusState> statusStates;

  private void startDriver(CameraSettings settings) {
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    driver =
        new TopologyTestDriver(
            new CameraTopology(settings).build(),
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, malformedRecords),
            T0);
    readings =
        driver.createInputTopic(
            Topics.READINGS_CAMERA.name(),
            Topics.READINGS_CAMERA.keySerde().serializer(),
            Topics.READINGS_CAMERA.valueSerde().serializer());
    statuses =
        driver.createInputTopic(
            Topics.CAMERA_STATUS.name(),
            Topics.CAMERA_STATUS.keySerde().serializer(),
            Topics.CAMERA_STATUS.valueSerde().serializer());
    cameraEvents =
        driver.createOutputTopic(
            Topics.CAMERA_EVENTS.name(),
            Topics.CAMERA_EVENTS.keySerde().deserializer(),
            Topics.CAMERA_EVENTS.valueSerde().deserializer());
    events =
        driver.createOutputTopic(
            Topics.EVENTS.name(),
            Topics.EVENTS.keySerde().deserializer(),
            Topics.EVENTS.valueSerde().deserializer());
    motionStates = driver.getKeyValueStore(CameraTopology.MOTION_STATE_STORE);
    statusStates = driver.getKeyValueStore(CameraTopology.STATUS_STATE_STORE);
  }

  private void startDriver() {
    startDriver(CameraSettings.defaults());
  }

  @AfterEach
  void closeDriver() throws IOException {
    if (driver != null) {
      driver.close();
    }
    FileSystemUtils.deleteRecursively(stateDir);
  }

  private static Instant second(int secondsAfterT0) {
    return T0.plusSeconds(secondsAfterT0);
  }

  /** Motion on the camera this many seconds after T0. */
  private static MotionReadingBuilder motion(int secondsAfterT0) {
    return MotionReadingBuilder.camera(CAMERA).at(second(secondsAfterT0));
  }

  private void send(MotionReading reading) {
    readings.pipeInput(reading.cameraId(), reading, reading.at());
  }

  private void sendStatus(String cameraId, String state, int secondsAfterT0, String reason) {
    CameraStatus status =
        MotionReadingBuilder.status(cameraId, state, second(secondsAfterT0), reason);
    statuses.pipeInput(cameraId, status, status.at());
  }

  private List<Instant> eventTimes() {
    return cameraEvents.readValuesToList().stream().map(CameraEvent::occurredAt).toList();
  }

  @Test
  void aReadingBecomesAnEventWithItsFramesKeyedAndStampedLikeIt() {
    startDriver();
    MotionReading reading =
        motion(0).frames(3, 2_000).smartTypes("person").prompt("Who is at the door?").build();

    send(reading);

    List<TestRecord<String, CameraEvent>> out = cameraEvents.readRecordsToList();
    assertThat(out).hasSize(1);
    assertThat(out.getFirst().key()).isEqualTo(CAMERA);
    assertThat(out.getFirst().getRecordTime()).isEqualTo(second(0));
    CameraEvent event = out.getFirst().value();
    assertThat(event.eventId()).isEqualTo(CameraEvent.idFor(reading.readingId()));
    assertThat(event.readingId()).isEqualTo(reading.readingId());
    assertThat(event.cameraId()).isEqualTo(CAMERA);
    assertThat(event.cameraName()).isEqualTo("Front door");
    assertThat(event.occurredAt()).isEqualTo(second(0));
    assertThat(event.source()).isEqualTo("motion");
    assertThat(event.detectionType()).isEqualTo("motion");
    assertThat(event.score()).isEqualTo(0.12);
    assertThat(event.box()).isEqualTo(reading.box());
    assertThat(event.analysisMode()).isEqualTo("multi_frame");
    assertThat(event.promptOverride()).isEqualTo("Who is at the door?");
    assertThat(event.smartDetectionTypes()).containsExactly("person");
    assertThat(event.thumbnail()).isEqualTo(reading.thumbnail());
    assertThat(event.frames()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(event.frames().get(i).jpeg()).isEqualTo(reading.frames().get(i).jpeg());
      assertThat(event.frames().get(i).capturedAt())
          .isEqualTo(reading.frames().get(i).capturedAt());
      assertThat(event.frames().get(i).width()).isEqualTo(640);
    }
    assertThat(events.isEmpty()).isTrue();
    assertThat(motionStates.get(CAMERA))
        .isEqualTo(new MotionState(second(0), List.of(reading.readingId())));
  }

  @Test
  void theSameReadingTwiceRaisesOneEventEvenWithoutCooldown() {
    startDriver();
    MotionReading reading = motion(0).cooldown(0).build();

    send(reading);
    send(reading);
    // Another reading at the same time is another detection: without a cooldown it is an event
    send(motion(0).cooldown(0).build());

    assertThat(eventTimes()).containsExactly(second(0), second(0));
  }

  @Test
  void theCooldownHoldsOnReadingTimeThenLetsTheNextThrough() {
    startDriver();

    // Given an event at 0 s and a cooldown of 60 s, when motion goes on every few seconds
    for (int second : new int[] {0, 10, 30, 59}) {
      send(motion(second).build());
    }
    // Then only the first raised an event (the driver's wall clock never moved)
    assertThat(eventTimes()).containsExactly(second(0));

    // When the cooldown has passed on reading time, the next one is an event, and the cooldown
    // runs from it
    send(motion(60).build());
    send(motion(61).build());
    send(motion(119).build());
    send(motion(125).build());
    assertThat(eventTimes()).containsExactly(second(60), second(125));

    // And a late reading, older than the last event, raises nothing
    send(motion(100).cooldown(0).build());
    assertThat(cameraEvents.isEmpty()).isTrue();
  }

  @Test
  void eachCameraHasItsOwnCooldownFromItsOwnReadings() {
    startDriver();

    send(motion(0).build());
    send(MotionReadingBuilder.camera(OTHER_CAMERA).at(second(10)).cooldown(5).build());
    send(MotionReadingBuilder.camera(OTHER_CAMERA).at(second(14)).cooldown(5).build());
    send(MotionReadingBuilder.camera(OTHER_CAMERA).at(second(15)).cooldown(5).build());
    send(motion(20).build());

    assertThat(cameraEvents.readRecordsToList())
        .extracting(r -> r.key() + "@" + r.value().occurredAt())
        .containsExactly(
            CAMERA + "@" + second(0),
            OTHER_CAMERA + "@" + second(10),
            OTHER_CAMERA + "@" + second(15));
  }

  @Test
  void smartTypesNotWantedRaiseNothingAndPlainMotionAlwaysPasses() {
    startDriver();

    // A camera that wants people and vehicles sees an animal: nothing, and no cooldown starts
    send(motion(0).type("animal").smartTypes("person", "vehicle").build());
    assertThat(cameraEvents.isEmpty()).isTrue();
    assertThat(motionStates.get(CAMERA)).isNull();

    // A person one second later is an event, with its type
    send(motion(1).type("person").smartTypes("person", "vehicle").build());
    List<CameraEvent> out = cameraEvents.readValuesToList();
    assertThat(out).extracting(CameraEvent::detectionType).containsExactly("person");

    // Plain motion passes the filter (the AI decides later what it was)
    send(motion(100).type("motion").smartTypes("person", "vehicle").build());
    // and without a list every type passes
    send(motion(200).type("animal").build());
    assertThat(cameraEvents.readValuesToList())
        .extracting(CameraEvent::detectionType)
        .containsExactly("motion", "animal");
  }

  @Test
  void theMemoryOfReadingIdsIsBounded() {
    startDriver(CameraSettings.defaults().withRememberedReadings(2));
    List<MotionReading> sent =
        List.of(
            motion(0).cooldown(0).build(),
            motion(1).cooldown(0).build(),
            motion(2).cooldown(0).build());

    sent.forEach(this::send);

    assertThat(eventTimes()).hasSize(3);
    assertThat(motionStates.get(CAMERA).recentReadingIds())
        .containsExactly(sent.get(1).readingId(), sent.get(2).readingId());
    // The last reading seen again is still recognised
    send(sent.get(2));
    assertThat(cameraEvents.isEmpty()).isTrue();
  }

  @Test
  void goingOfflineAndComingBackRaiseOneEventEach() {
    startDriver();

    // Online, then offline, then in error (still down), then offline again
    sendStatus(CAMERA, "online", 0, null);
    sendStatus(CAMERA, "offline", 60, "connection refused");
    sendStatus(CAMERA, "error", 90, "401 Unauthorized");
    sendStatus(CAMERA, "offline", 120, "connection refused");
    // Back online, and the periodic online statuses after it
    sendStatus(CAMERA, "online", 150, null);
    sendStatus(CAMERA, "online", 180, null);
    sendStatus(CAMERA, "online", 210, null);

    List<TestRecord<String, DerivedEvent>> out = events.readRecordsToList();
    assertThat(out)
        .extracting(r -> r.key() + ":" + r.value().eventType() + "@" + r.getRecordTime())
        .containsExactly(
            CAMERA + ":camera_offline@" + second(60), CAMERA + ":camera_online@" + second(150));
    DerivedEvent offline = out.get(0).value();
    assertThat(offline.source()).isEqualTo(DerivedEvent.SOURCE_CAMERA);
    assertThat(offline.subjectId()).isEqualTo(CAMERA);
    assertThat(offline.severity()).isEqualTo(Severity.HIGH);
    assertThat(offline.timestamp()).isEqualTo(second(60));
    assertThat(offline.metadata())
        .containsEntry("camera_name", "Front door")
        .containsEntry("state", "offline")
        .containsEntry("reason", "connection refused")
        .containsEntry("collector_id", "collector-1");
    DerivedEvent online = out.get(1).value();
    assertThat(online.severity()).isEqualTo(Severity.LOW);
    assertThat(online.metadata()).containsEntry("down_seconds", 90);
    assertThat(UUID.fromString(offline.eventId())).isNotEqualTo(UUID.fromString(online.eventId()));
    assertThat(cameraEvents.isEmpty()).isTrue();
    assertThat(statusStates.get(CAMERA))
        .isEqualTo(new CameraStatusState("online", second(210), null));
  }

  @Test
  void aCameraFirstSeenInErrorIsOfflineAndStoppedRaisesNothing() {
    startDriver();

    // First seen in error: camera_offline
    sendStatus(CAMERA, "error", 0, "404 Not Found");
    // Stopped by a user while down: nothing, and the alert stays open
    sendStatus(CAMERA, "stopped", 30, null);
    sendStatus(CAMERA, "offline", 40, "connection refused");
    assertThat(events.readValuesToList())
        .extracting(e -> e.eventType() + ":" + e.metadata().get("reason"))
        .containsExactly("camera_offline:404 Not Found");
    // so that coming back says so
    sendStatus(CAMERA, "online", 60, null);
    // A camera stopped while online, then started and unreachable, is offline again
    sendStatus(CAMERA, "stopped", 90, null);
    sendStatus(CAMERA, "offline", 120, "timeout");

    assertThat(events.readValuesToList())
        .extracting(DerivedEvent::eventType)
        .containsExactly("camera_online", "camera_offline");
    // And a camera that is only ever stopped raises nothing
    sendStatus(OTHER_CAMERA, "stopped", 0, null);
    sendStatus(OTHER_CAMERA, "stopped", 30, null);
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void aTombstoneForgetsTheCamera() {
    startDriver();
    sendStatus(CAMERA, "offline", 0, "timeout");
    assertThat(statusStates.get(CAMERA)).isNotNull();

    // The camera is deleted: its compacted status is tombstoned
    statuses.pipeInput(CAMERA, null, second(10));

    assertThat(statusStates.get(CAMERA)).isNull();
    assertThat(events.readValuesToList())
        .extracting(DerivedEvent::eventType)
        .containsExactly("camera_offline");
    assertThat(malformedRecords).hasValue(0);
  }

  @Test
  void anOlderStatusIsIgnored() {
    startDriver();
    sendStatus(CAMERA, "online", 100, null);

    sendStatus(CAMERA, "offline", 50, "late");

    assertThat(events.isEmpty()).isTrue();
    assertThat(statusStates.get(CAMERA).state()).isEqualTo("online");
  }

  @Test
  void malformedRecordsAreSkippedAndCountedAndLaterOnesProcessed() {
    startDriver();
    TestInputTopic<byte[], byte[]> rawReadings =
        driver.createInputTopic(
            Topics.READINGS_CAMERA.name(), new ByteArraySerializer(), new ByteArraySerializer());
    TestInputTopic<byte[], byte[]> rawStatuses =
        driver.createInputTopic(
            Topics.CAMERA_STATUS.name(), new ByteArraySerializer(), new ByteArraySerializer());
    byte[] key = CAMERA.getBytes(StandardCharsets.UTF_8);

    // Garbage, a reading without its id, and a status without its state
    rawReadings.pipeInput(key, "{garbage".getBytes(StandardCharsets.UTF_8), second(0));
    rawReadings.pipeInput(
        key,
        ("{\"camera_id\":\"" + CAMERA + "\",\"at\":\"" + second(0) + "\"}")
            .getBytes(StandardCharsets.UTF_8),
        second(0));
    rawStatuses.pipeInput(
        key,
        ("{\"camera_id\":\"" + CAMERA + "\",\"at\":\"" + second(0) + "\"}")
            .getBytes(StandardCharsets.UTF_8),
        second(0));
    send(motion(1).build());
    sendStatus(CAMERA, "offline", 1, "timeout");

    // (The driver does not capture dead letters; ProcessorIT sees them on a real broker.)
    assertThat(malformedRecords).hasValue(3);
    assertThat(eventTimes()).containsExactly(second(1));
    assertThat(events.readValuesToList())
        .extracting(DerivedEvent::eventType)
        .containsExactly("camera_offline");
  }
}
