package dev.argus.processor.camera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraAlertRuleConfig;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Detector objects, the Protect motion hold and camera alert rules, through the production camera
 * topology and Streams configuration under {@link TopologyTestDriver}: explicit reading times, the
 * driver's wall clock moved only by {@link TopologyTestDriver#advanceWallClockTime}, assertions on
 * both output topics and the state stores.
 */
class CameraDetectionTopologyTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final String CAMERA = "6f1c2a52-3d2b-4c1e-9a57-0b8f7c1d2e3f";
  private static final String OTHER_CAMERA = "0a9e3c1b-5f2d-4e6a-8b7c-1d2e3f4a5b6c";
  private static final String PEOPLE_RULE = "1b6f0e3a-0000-4000-8000-000000000001";
  private static final String ANY_RULE = "1b6f0e3a-0000-4000-8000-000000000002";

  private final List<Path> stateDirs = new ArrayList<>();
  private final List<TopologyTestDriver> drivers = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, MotionReading> readings;
  private TestInputTopic<String, ConfigEntry> config;
  private TestOutputTopic<String, CameraEvent> cameraEvents;
  private TestOutputTopic<String, DerivedEvent> events;
  private KeyValueStore<String, MotionState> motionStates;
  private KeyValueStore<String, HeldMotion> heldMotions;

  private void startDriver() {
    Path stateDir =
        Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
    stateDirs.add(stateDir);
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    driver =
        new TopologyTestDriver(
            new CameraTopology(CameraSettings.defaults()).build(),
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, new AtomicLong()),
            T0);
    drivers.add(driver);
    readings =
        driver.createInputTopic(
            Topics.READINGS_CAMERA.name(),
            Topics.READINGS_CAMERA.keySerde().serializer(),
            Topics.READINGS_CAMERA.valueSerde().serializer());
    config =
        driver.createInputTopic(
            Topics.CONFIG.name(),
            Topics.CONFIG.keySerde().serializer(),
            Topics.CONFIG.valueSerde().serializer());
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
    heldMotions = driver.getKeyValueStore(CameraTopology.HELD_MOTION_STORE);
  }

  @AfterEach
  void closeDrivers() throws IOException {
    for (TopologyTestDriver each : drivers) {
      each.close();
    }
    for (Path stateDir : stateDirs) {
      FileSystemUtils.deleteRecursively(stateDir);
    }
  }

  private static Instant second(int secondsAfterT0) {
    return T0.plusSeconds(secondsAfterT0);
  }

  private static MotionReadingBuilder motion(int secondsAfterT0) {
    return MotionReadingBuilder.camera(CAMERA).at(second(secondsAfterT0));
  }

  /** A Protect controller's reading of the camera: pure motion unless typed. */
  private static MotionReadingBuilder protect(int secondsAfterT0) {
    return motion(secondsAfterT0).protect();
  }

  private void send(MotionReading reading) {
    readings.pipeInput(reading.cameraId(), reading, reading.at());
  }

  private void rule(
      String id, String name, List<String> cameras, List<String> types, boolean enabled) {
    config.pipeInput(
        ConfigKeys.cameraRule(id),
        ConfigEntry.of(new CameraAlertRuleConfig(id, name, cameras, types, enabled, true)),
        T0);
  }

  private List<String> raised() {
    return cameraEvents.readValuesToList().stream()
        .map(e -> e.detectionType() + "@" + e.occurredAt())
        .toList();
  }

  private List<HeldMotion> held() {
    List<HeldMotion> all = new ArrayList<>();
    try (var iterator = heldMotions.all()) {
      iterator.forEachRemaining((KeyValue<String, HeldMotion> entry) -> all.add(entry.value));
    }
    return all;
  }

  // Detector objects and the camera's smart detection types -------------------------------------

  @Test
  void objectsOfTypesTheCameraDoesNotWantAreDroppedAndTheTypeIsTheMostSpecificLeft() {
    startDriver();
    MotionReading reading =
        motion(0)
            .type("person")
            .objects("person", "vehicle", "animal")
            .detector("centernet")
            .smartTypes("vehicle", "animal")
            .build();

    send(reading);

    CameraEvent event = cameraEvents.readValue();
    assertThat(event.detectionType()).isEqualTo("vehicle");
    assertThat(event.objects())
        .extracting(DetectedObject::label)
        .containsExactly("vehicle", "animal");
    assertThat(event.detector()).isEqualTo("centernet");
  }

  @Test
  void aReadingWhoseObjectsAreAllDroppedRaisesNothingAndStartsNoCooldown() {
    startDriver();

    // The detector saw only an animal; the camera wants people
    send(
        motion(0)
            .type("animal")
            .objects("animal")
            .detector("centernet")
            .smartTypes("person")
            .build());
    assertThat(cameraEvents.isEmpty()).isTrue();
    assertThat(motionStates.get(CAMERA)).isNull();

    // A second later a person: an event, not held back by a cooldown
    send(
        motion(1)
            .type("person")
            .objects("person")
            .detector("centernet")
            .smartTypes("person")
            .build());
    assertThat(raised()).containsExactly("person@" + second(1));
  }

  @Test
  void withoutSmartTypesEveryObjectStaysAndTheMostSpecificTypesTheEvent() {
    startDriver();

    // A detector that typed the reading motion but found a car and a person (listed in that order)
    send(motion(0).objects("vehicle", "person").detector("centernet").build());

    CameraEvent event = cameraEvents.readValue();
    assertThat(event.detectionType()).isEqualTo("person");
    assertThat(event.objects())
        .extracting(DetectedObject::label)
        .containsExactly("vehicle", "person");
    // and a reading without objects is judged on its own type, as before a detector existed
    send(motion(100).type("animal").smartTypes("person").build());
    assertThat(cameraEvents.isEmpty()).isTrue();
  }

  // The Protect motion hold ----------------------------------------------------------------------

  @Test
  void aProtectMotionIsHiddenByTheSmartDetectionOfTheSameMomentWhichItsCooldownDoesNotBlock() {
    startDriver();

    // Protect reports motion, then a second later the person of the same moment (cooldown 60 s)
    send(protect(0).build());
    assertThat(cameraEvents.isEmpty()).isTrue();
    assertThat(held()).hasSize(1);
    MotionReading person = protect(1).type("person").objects("person").build();
    send(person);

    // Then only the person is an event: the motion never started a cooldown
    List<TestRecord<String, CameraEvent>> out = cameraEvents.readRecordsToList();
    assertThat(out).extracting(r -> r.value().detectionType()).containsExactly("person");
    assertThat(out.getFirst().value().eventId()).isEqualTo(CameraEvent.idFor(person.readingId()));
    assertThat(out.getFirst().value().source()).isEqualTo("protect");
    assertThat(out.getFirst().value().detector()).isEqualTo("protect");
    assertThat(held()).isEmpty();
    assertThat(motionStates.get(CAMERA).lastEventAt()).isEqualTo(second(1));

    // And nothing comes of the hidden motion when its hold has passed
    driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(cameraEvents.isEmpty()).isTrue();
  }

  @Test
  void aLoneProtectMotionIsReleasedByTheWallClockOnceItsHoldHasPassed() {
    startDriver();
    MotionReading motion = protect(0).build();

    send(motion);
    driver.advanceWallClockTime(Duration.ofSeconds(2));
    assertThat(cameraEvents.isEmpty()).isTrue();
    assertThat(held()).extracting(h -> h.reading().readingId()).containsExactly(motion.readingId());

    driver.advanceWallClockTime(Duration.ofSeconds(2));

    // Then it is an event with its own time and frames, and the cooldown runs from it
    List<TestRecord<String, CameraEvent>> out = cameraEvents.readRecordsToList();
    assertThat(out).hasSize(1);
    assertThat(out.getFirst().key()).isEqualTo(CAMERA);
    assertThat(out.getFirst().getRecordTime()).isEqualTo(second(0));
    assertThat(out.getFirst().value().eventId()).isEqualTo(CameraEvent.idFor(motion.readingId()));
    assertThat(out.getFirst().value().detectionType()).isEqualTo("motion");
    assertThat(out.getFirst().value().frames().getFirst().jpeg())
        .isEqualTo(motion.frames().getFirst().jpeg());
    assertThat(held()).isEmpty();
    assertThat(motionStates.get(CAMERA).lastEventAt()).isEqualTo(second(0));
    // A smart detection after the hold is judged on its own: within the cooldown, nothing
    send(protect(5).type("person").objects("person").build());
    assertThat(cameraEvents.isEmpty()).isTrue();
  }

  @Test
  void aLaterReadingOfTheCameraBeyondTheHoldReleasesTheHeldMotionFirst() {
    startDriver();

    // Motion at 0 s and at 10 s (cooldown 5 s): the second releases the first, and is held
    send(protect(0).cooldown(5).build());
    send(protect(10).cooldown(5).build());
    assertThat(raised()).containsExactly("motion@" + second(0));
    assertThat(held()).extracting(h -> h.reading().at()).containsExactly(second(10));

    // A person at 11 s hides the second; a person too far from a motion hides nothing
    send(protect(11).cooldown(5).type("person").objects("person").build());
    assertThat(raised()).containsExactly("person@" + second(11));
    assertThat(held()).isEmpty();
  }

  @Test
  void aSmartDetectionTheCameraDoesNotWantStillHidesTheMotionOfItsMoment() {
    startDriver();

    // A camera that wants people: Protect sees motion, then the vehicle that made it
    send(protect(0).smartTypes("person").build());
    send(protect(1).smartTypes("person").type("vehicle").objects("vehicle").build());
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    // Then nothing: the moment was a vehicle, which the camera filters out
    assertThat(cameraEvents.isEmpty()).isTrue();
    assertThat(held()).isEmpty();
    assertThat(motionStates.get(CAMERA)).isNull();
  }

  @Test
  void aCollectorsOwnMotionIsNotHeldAndEachCameraHoldsItsOwn() {
    startDriver();

    // RTSP motion with the detector's objects in the same reading: raised at once
    send(motion(0).objects("person").detector("centernet").build());
    assertThat(raised()).containsExactly("person@" + second(0));
    // A Protect motion of another camera is not hidden by this camera's person
    send(MotionReadingBuilder.camera(OTHER_CAMERA).protect().at(second(10)).build());
    send(motion(11).protect().type("person").objects("person").cooldown(0).build());
    assertThat(raised()).containsExactly("person@" + second(11));
    driver.advanceWallClockTime(Duration.ofSeconds(4));
    assertThat(cameraEvents.readRecordsToList())
        .extracting(r -> r.key() + ":" + r.value().detectionType())
        .containsExactly(OTHER_CAMERA + ":motion");
  }

  // Camera alert rules ---------------------------------------------------------------------------

  @Test
  void everyEnabledRuleAnEventMatchesOpensAnAlertWithItsMetadata() {
    startDriver();
    rule(PEOPLE_RULE, "People at night", List.of(CAMERA), List.of("person"), true);
    rule(ANY_RULE, "Anything", List.of(), List.of(), true);
    rule(UUID.randomUUID().toString(), "Vehicles", List.of(), List.of("vehicle"), true);
    rule(UUID.randomUUID().toString(), "Other camera", List.of(OTHER_CAMERA), List.of(), true);
    rule(UUID.randomUUID().toString(), "Switched off", List.of(), List.of(), false);
    MotionReading reading =
        motion(0).type("person").objects("person").detector("centernet").build();

    send(reading);

    String eventId = CameraEvent.idFor(reading.readingId());
    List<TestRecord<String, DerivedEvent>> out = events.readRecordsToList();
    assertThat(out)
        .extracting(r -> r.value().metadata().get("rule_id"))
        .containsExactly(PEOPLE_RULE, ANY_RULE);
    TestRecord<String, DerivedEvent> first = out.getFirst();
    assertThat(first.key()).isEqualTo(CAMERA);
    assertThat(first.getRecordTime()).isEqualTo(second(0));
    DerivedEvent alert = first.value();
    assertThat(alert.source()).isEqualTo(DerivedEvent.SOURCE_CAMERA);
    assertThat(alert.subjectId()).isEqualTo(CAMERA);
    assertThat(alert.eventType()).isEqualTo("camera_detection");
    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.timestamp()).isEqualTo(second(0));
    assertThat(alert.metadata())
        .containsEntry("rule_id", PEOPLE_RULE)
        .containsEntry("rule_name", "People at night")
        .containsEntry("rule_type", "camera_detection")
        .containsEntry("camera_id", CAMERA)
        .containsEntry("camera_name", "Front door")
        .containsEntry("event_id", eventId)
        .containsEntry("detection_type", "person")
        .containsEntry("notify_in_app", true)
        .containsEntry("message", "Person detected on Front door (rule 'People at night')");
    UUID.fromString(alert.eventId());
    UUID.fromString((String) alert.metadata().get("alert_id"));
    assertThat(out.get(1).value().metadata().get("alert_id"))
        .isNotEqualTo(alert.metadata().get("alert_id"));
    assertThat(out.get(1).value().eventId()).isNotEqualTo(alert.eventId());
    // The camera event itself is unchanged by the rules
    assertThat(cameraEvents.readValue().eventId()).isEqualTo(eventId);
  }

  @Test
  void aReplayOfTheSameReadingsGivesTheSameAlertIds() {
    List<MotionReading> sent =
        List.of(
            motion(0).type("person").objects("person").build(),
            protect(120).build(),
            protect(240).type("ring").build());
    List<List<String>> idsPerRun = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      // Each run a fresh application (its own state) over the same configuration and readings
      startDriver();
      rule(ANY_RULE, "Anything", List.of(), List.of(), true);
      sent.forEach(this::send);
      driver.advanceWallClockTime(Duration.ofSeconds(5));
      idsPerRun.add(
          events.readValuesToList().stream()
              .map(e -> e.eventId() + "/" + e.metadata().get("alert_id"))
              .toList());
    }

    assertThat(idsPerRun.get(0)).hasSize(3).doesNotHaveDuplicates();
    assertThat(idsPerRun.get(1)).isEqualTo(idsPerRun.get(0));
  }

  @Test
  void aReleasedProtectMotionAndARingOpenAlertsOnTheProtectPath() {
    startDriver();
    rule(ANY_RULE, "Front door", List.of(CAMERA), List.of("motion", "ring"), true);

    send(protect(0).build());
    assertThat(events.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(4));
    send(protect(120).type("ring").build());

    assertThat(events.readValuesToList())
        .extracting(e -> e.metadata().get("detection_type") + ": " + e.metadata().get("message"))
        .containsExactly(
            "motion: Motion detected on Front door (rule 'Front door')",
            "ring: Doorbell ring on Front door (rule 'Front door')");
  }

  @Test
  void aDeletedOrDisabledRuleStopsMatchingAndAnUnreadableEntryIsIgnored() {
    startDriver();
    rule(PEOPLE_RULE, "People", List.of(), List.of("person"), true);
    rule(ANY_RULE, "Anything", List.of(), List.of(), true);
    TestInputTopic<String, byte[]> rawConfig =
        driver.createInputTopic(
            Topics.CONFIG.name(), new StringSerializer(), new ByteArraySerializer());
    rawConfig.pipeInput(
        ConfigKeys.cameraRule("broken"), "{garbage".getBytes(StandardCharsets.UTF_8), T0);

    send(motion(0).type("person").cooldown(0).build());
    assertThat(events.readValuesToList())
        .extracting(e -> e.metadata().get("rule_id"))
        .containsExactly(PEOPLE_RULE, ANY_RULE);

    // When the people rule is deleted (a tombstone) and the other disabled
    config.pipeInput(ConfigKeys.cameraRule(PEOPLE_RULE), null, T0);
    rule(ANY_RULE, "Anything", List.of(), List.of(), false);
    send(motion(1).type("person").cooldown(0).build());

    // Then the event is raised, and opens no alert
    assertThat(raised()).containsExactly("person@" + second(0), "person@" + second(1));
    assertThat(events.isEmpty()).isTrue();

    // And enabled again, it matches again
    rule(ANY_RULE, "Anything", List.of(), List.of(), true);
    send(motion(2).type("person").cooldown(0).build());
    assertThat(events.readValuesToList())
        .extracting(e -> e.metadata().get("rule_id"))
        .containsExactly(ANY_RULE);
  }
}
