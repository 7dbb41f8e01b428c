package dev.argus.processor.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topics;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import dev.argus.processor.testing.ProbeBuilder;
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
 * The production target topology and Streams configuration under {@link TopologyTestDriver}:
 * explicit result timestamps, assertions on both output topics and on the state store.
 */
class TargetAlertsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");

  private final AtomicLong malformedRecords = new AtomicLong();
  private final Path stateDir =
      Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
  private TopologyTestDriver driver;
  private TestInputTopic<String, ProbeResult> results;
  private TestOutputTopic<String, TargetStatus> statuses;
  private TestOutputTopic<String, DerivedEvent> events;
  private KeyValueStore<String, TargetState> states;

  private void startDriver(TargetAlertSettings settings) {
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    driver =
        new TopologyTestDriver(
            new TargetAlertsTopology(settings).build(),
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, malformedRecords),
            T0);
    results =
        driver.createInputTopic(
            Topics.READINGS_PROBE.name(),
            Topics.READINGS_PROBE.keySerde().serializer(),
            Topics.READINGS_PROBE.valueSerde().serializer());
    statuses =
        driver.createOutputTopic(
            Topics.TARGET_STATUS.name(),
            Topics.TARGET_STATUS.keySerde().deserializer(),
            Topics.TARGET_STATUS.valueSerde().deserializer());
    events =
        driver.createOutputTopic(
            Topics.EVENTS.name(),
            Topics.EVENTS.keySerde().deserializer(),
            Topics.EVENTS.valueSerde().deserializer());
    states = driver.getKeyValueStore(TargetAlertsTopology.TARGET_STATE_STORE);
  }

  private void startDriver() {
    startDriver(TargetAlertSettings.defaults());
  }

  @AfterEach
  void closeDriver() throws IOException {
    if (driver != null) {
      driver.close();
    }
    FileSystemUtils.deleteRecursively(stateDir);
  }

  private void send(ProbeResult result) {
    results.pipeInput(result.key(), result, result.timestamp());
  }

  /** Target 1 checked this many minutes after T0. */
  private static ProbeBuilder check(int minutesAfterT0) {
    return ProbeBuilder.target(1).at(T0.plus(Duration.ofMinutes(minutesAfterT0)));
  }

  /** Failed checks of target 1 at each of these minutes. */
  private void failAt(ProbeBuilder.Customizer customizer, int... minutes) {
    for (int minute : minutes) {
      send(customizer.apply(check(minute).down("connection refused")).build());
    }
  }

  private List<String> eventTypes() {
    return events.readValuesToList().stream().map(DerivedEvent::eventType).toList();
  }

  private List<TestRecord<String, DerivedEvent>> eventRecords() {
    return events.readRecordsToList();
  }

  private static Instant minute(int minutesAfterT0) {
    return T0.plus(Duration.ofMinutes(minutesAfterT0));
  }

  @Test
  void everyResultPublishesTheTargetsStatusKeyedAndStampedLikeIt() {
    startDriver();

    send(check(0).named("Web").responseTime(12.5).statusCode(200).build());
    send(check(1).named("Web").down("HTTP 503").statusCode(503).responseTime(80.0).build());
    send(check(2).named("Web").down("timeout").build());

    List<TestRecord<String, TargetStatus>> out = statuses.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactly("1", "1", "1");
    assertThat(out)
        .extracting(TestRecord::getRecordTime)
        .containsExactly(minute(0), minute(1), minute(2));
    assertThat(out.get(0).value())
        .isEqualTo(
            new TargetStatus(1, "Web", "up", 0, 3, false, null, minute(0), 12.5, 200, null, null));
    assertThat(out.get(1).value())
        .isEqualTo(
            new TargetStatus(
                1, "Web", "down", 1, 3, false, minute(1), minute(1), 80.0, 503, "HTTP 503", null));
    TargetStatus last = out.get(2).value();
    assertThat(last.consecutiveFailures()).isEqualTo(2);
    assertThat(last.streakStartedAt()).isEqualTo(minute(1));
    assertThat(last.lastError()).isEqualTo("timeout");
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.get("1")).isEqualTo(new TargetState(minute(2), 2, minute(1), false, null));
  }

  @Test
  void thresholdReachedOncePerStreakWithItsDetails() {
    startDriver();

    // Given threshold 3, when the target fails five times in a row
    for (int minute = 0; minute < 5; minute++) {
      send(check(minute).named("Web").down("connection refused").responseTime(3.0).build());
    }

    // Then the third failure, and only it, reaches the threshold
    List<TestRecord<String, DerivedEvent>> out = eventRecords();
    assertThat(out).hasSize(1);
    DerivedEvent reached = out.getFirst().value();
    assertThat(out.getFirst().key()).isEqualTo("1");
    assertThat(out.getFirst().getRecordTime()).isEqualTo(minute(2));
    assertThat(reached.source()).isEqualTo(DerivedEvent.SOURCE_TARGET);
    assertThat(reached.eventType()).isEqualTo("threshold_reached");
    assertThat(reached.subjectId()).isEqualTo("1");
    assertThat(reached.timestamp()).isEqualTo(minute(2));
    assertThat(reached.metadata())
        .containsEntry("target_name", "Web")
        .containsEntry("failures", 3)
        .containsEntry("threshold", 3)
        .containsEntry("error", "connection refused")
        .containsEntry("response_time_ms", 3.0);
    assertThat(statuses.readValuesToList())
        .extracting(TargetStatus::alerting)
        .containsExactly(false, false, true, true, true);
  }

  @Test
  void aSuccessEndsTheStreakAndRecoversOnlyAnAlertingTarget() {
    startDriver();

    // Two failures below the threshold, then a success: no event, the count starts over
    failAt(b -> b, 0, 1);
    send(check(2).build());
    failAt(b -> b, 3, 4);
    assertThat(events.isEmpty()).isTrue();

    // A third failure in a row alerts, and the next success recovers
    failAt(b -> b, 5);
    send(check(6).responseTime(20.0).build());

    List<DerivedEvent> out = events.readValuesToList();
    assertThat(out)
        .extracting(DerivedEvent::eventType)
        .containsExactly("threshold_reached", "recovered");
    assertThat(out.get(1).metadata())
        .containsEntry("failures", 3)
        .containsEntry("response_time_ms", 20.0)
        .containsEntry("down_seconds", 180);
    TargetStatus recovered = statuses.readValuesToList().getLast();
    assertThat(recovered.status()).isEqualTo("up");
    assertThat(recovered.alerting()).isFalse();
    assertThat(recovered.streakStartedAt()).isNull();
    assertThat(states.get("1")).isEqualTo(new TargetState(minute(6), 0, null, false, null));

    // And the next streak alerts again
    failAt(b -> b, 7, 8, 9);
    assertThat(eventTypes()).containsExactly("threshold_reached");
  }

  @Test
  void alertRepeatsAtTheTargetsIntervalWhileDown() {
    startDriver();

    // Threshold reached at minute 2, repeat every 5 minutes, a check every minute
    failAt(b -> b.repeatMinutes(5), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

    List<TestRecord<String, DerivedEvent>> out = eventRecords();
    assertThat(out)
        .extracting(r -> r.value().eventType())
        .containsExactly("threshold_reached", "alert_repeat", "alert_repeat");
    assertThat(out)
        .extracting(TestRecord::getRecordTime)
        .containsExactly(minute(2), minute(7), minute(12));
    assertThat(out.get(2).value().metadata())
        .containsEntry("failures", 13)
        .containsEntry("threshold", 3);
  }

  @Test
  void withoutItsOwnIntervalTheSettingsDefaultApplies() {
    startDriver(
        new TargetAlertSettings(
            Topics.READINGS_PROBE, Topics.TARGET_STATUS, Topics.EVENTS, Duration.ofMinutes(30)));

    failAt(b -> b.repeatMinutes(null), 0, 10, 20, 40, 49, 50, 79, 80);

    assertThat(eventRecords())
        .extracting(r -> r.value().eventType() + "@" + r.getRecordTime())
        .containsExactly(
            "threshold_reached@" + minute(20),
            "alert_repeat@" + minute(50),
            "alert_repeat@" + minute(80));
  }

  @Test
  void theDefaultIntervalIsAnHour() {
    startDriver();

    failAt(b -> b, 0, 10, 20, 70, 79, 80);

    assertThat(eventRecords())
        .extracting(r -> r.value().eventType() + "@" + r.getRecordTime())
        .containsExactly("threshold_reached@" + minute(20), "alert_repeat@" + minute(80));
  }

  @Test
  void aZeroIntervalNeverRepeats() {
    startDriver(
        new TargetAlertSettings(
            Topics.READINGS_PROBE, Topics.TARGET_STATUS, Topics.EVENTS, Duration.ZERO));

    failAt(b -> b.repeatMinutes(0), 0, 1, 2, 100, 1000);
    failAt(b -> b.repeatMinutes(null), 2000, 3000);

    assertThat(eventTypes()).containsExactly("threshold_reached");
  }

  @Test
  void anAcknowledgementSilencesRepeatsUntilRecoveryButNotTheNextStreak() {
    startDriver();

    // Given an alerting target, repeating every 5 minutes
    failAt(b -> b.repeatMinutes(5), 0, 1, 2, 7);
    assertThat(eventTypes()).containsExactly("threshold_reached", "alert_repeat");

    // When an operator acknowledges it at minute 8, the repeats stop while it stays down
    Instant acknowledged = minute(8);
    failAt(b -> b.repeatMinutes(5).acknowledgedAt(acknowledged), 9, 12, 17, 30, 60);
    assertThat(events.isEmpty()).isTrue();
    assertThat(statuses.readValuesToList().getLast().alerting()).isTrue();

    // Then it recovers
    send(check(61).repeatMinutes(5).acknowledgedAt(acknowledged).build());
    assertThat(eventTypes()).containsExactly("recovered");

    // And in a new streak the old acknowledgement (before the streak began) silences nothing
    failAt(b -> b.repeatMinutes(5).acknowledgedAt(acknowledged), 62, 63, 64, 69);
    assertThat(eventTypes()).containsExactly("threshold_reached", "alert_repeat");
  }

  @Test
  void anAcknowledgementBeforeTheStreakBeganDoesNotSilenceIt() {
    startDriver();

    failAt(b -> b.repeatMinutes(5).acknowledgedAt(minute(-1)), 0, 1, 2, 7);

    assertThat(eventTypes()).containsExactly("threshold_reached", "alert_repeat");
  }

  @Test
  void aThresholdLoweredWhileFailingIsReachedOnTheNextResult() {
    startDriver();

    // Four failures against a threshold of 5
    failAt(b -> b.threshold(5), 0, 1, 2, 3);
    assertThat(events.isEmpty()).isTrue();

    // The threshold is lowered to 2: already past it, the next failure alerts, once
    failAt(b -> b.threshold(2), 4, 5, 6);

    List<DerivedEvent> out = events.readValuesToList();
    assertThat(out).extracting(DerivedEvent::eventType).containsExactly("threshold_reached");
    assertThat(out.getFirst().metadata())
        .containsEntry("failures", 5)
        .containsEntry("threshold", 2);
    assertThat(statuses.readValuesToList().getLast().failureThreshold()).isEqualTo(2);
  }

  @Test
  void olderAndDuplicateResultsAreIgnored() {
    startDriver();

    // Given two failures, the last at minute 5
    failAt(b -> b, 4, 5);
    statuses.readValuesToList();
    TargetState before = states.get("1");

    // When the result of minute 5 arrives again, and a late failure of minute 3
    failAt(b -> b, 5, 3);
    // and a late success of minute 1
    send(check(1).build());

    // Then nothing moved: no status, no event, the same state
    assertThat(statuses.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.get("1")).isEqualTo(before);

    // And the next new failure is the third in a row
    failAt(b -> b, 6);
    assertThat(eventTypes()).containsExactly("threshold_reached");
  }

  @Test
  void targetsAreTrackedIndependently() {
    startDriver();

    for (int minute = 0; minute < 3; minute++) {
      send(ProbeBuilder.target(1).at(minute(minute)).down("timeout").build());
      send(ProbeBuilder.target(2).at(minute(minute)).build());
    }

    assertThat(eventRecords())
        .extracting(r -> r.key() + ":" + r.value().eventType())
        .containsExactly("1:threshold_reached");
    assertThat(states.get("2").consecutiveFailures()).isZero();
  }

  @Test
  void aMalformedResultIsSkippedAndCountedAndLaterResultsAreProcessed() {
    startDriver();
    failAt(b -> b, 0, 1);
    TestInputTopic<byte[], byte[]> raw =
        driver.createInputTopic(
            Topics.READINGS_PROBE.name(), new ByteArraySerializer(), new ByteArraySerializer());

    // Garbage, and a result that breaks the contract (threshold 0), between two failures
    raw.pipeInput(
        "1".getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8),
        minute(2));
    raw.pipeInput(
        "1".getBytes(StandardCharsets.UTF_8),
        ("{\"target_id\":1,\"timestamp\":\""
                + minute(2)
                + "\",\"up\":false,\"failure_threshold\":0}")
            .getBytes(StandardCharsets.UTF_8),
        minute(2));
    failAt(b -> b, 3);

    // (The driver does not capture dead letters; ProcessorIT sees them on a real broker.)
    assertThat(malformedRecords).hasValue(2);
    assertThat(eventTypes()).containsExactly("threshold_reached");
  }
}
