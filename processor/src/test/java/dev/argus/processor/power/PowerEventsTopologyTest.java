package dev.argus.processor.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import dev.argus.processor.testing.ReadingBuilder;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The production topology and Streams configuration under {@link TopologyTestDriver}: explicit
 * record timestamps, wall-clock time advanced by hand, assertions on the output topic and on the
 * state store.
 */
class PowerEventsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final Instant WALL_CLOCK_START = Instant.parse("2026-05-27T12:00:00Z");

  private final AtomicLong malformedRecords = new AtomicLong();
  private Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, PowerReading> readings;
  private TestOutputTopic<String, DerivedEvent> events;
  private TestInputTopic<String, ConfigEntry> config;
  private KeyValueStore<String, DeviceState> states;

  @BeforeEach
  void startDriver() {
    stateDir = Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    var topology = new PowerEventsTopology(PowerEventSettings.defaults()).build();
    driver =
        new TopologyTestDriver(
            topology,
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, malformedRecords),
            WALL_CLOCK_START);
    readings =
        driver.createInputTopic(
            Topics.READINGS_POWER.name(),
            Topics.READINGS_POWER.keySerde().serializer(),
            Topics.READINGS_POWER.valueSerde().serializer());
    events =
        driver.createOutputTopic(
            Topics.EVENTS.name(),
            Topics.EVENTS.keySerde().deserializer(),
            Topics.EVENTS.valueSerde().deserializer());
    config =
        driver.createInputTopic(
            Topics.CONFIG.name(),
            Topics.CONFIG.keySerde().serializer(),
            Topics.CONFIG.valueSerde().serializer());
    states = driver.getKeyValueStore(PowerEventsTopology.DEVICE_STATE_STORE);
  }

  @AfterEach
  void closeDriver() throws IOException {
    driver.close();
    FileSystemUtils.deleteRecursively(stateDir);
  }

  private void send(PowerReading reading) {
    readings.pipeInput(reading.deviceId(), reading, reading.timestamp());
  }

  private static ReadingBuilder ups(String id, int secondsAfterT0) {
    return ReadingBuilder.ups(id).at(T0.plusSeconds(secondsAfterT0));
  }

  private List<String> eventTypes() {
    return events.readValuesToList().stream().map(DerivedEvent::eventType).toList();
  }

  @Test
  void theFirstSnapshotOnlyEstablishesState() {
    send(ups("ups-1", 0).status("OB DISCHRG").battery(5.0).build());

    assertThat(events.isEmpty()).isTrue();
    DeviceState state = states.get("ups-1");
    assertThat(state.power().upsStatus()).isEqualTo("OB DISCHRG");
    assertThat(state.power().shutdownInitiated()).isTrue();
    assertThat(state.liveness().lastReceivedAt()).isEqualTo(WALL_CLOCK_START);
  }

  @Test
  void anOutageAndItsEndAreTwoEventsKeyedByDeviceAtTheReadingsTime() {
    // Given a UPS on line power
    send(ups("ups-1", 0).status("OL").battery(100.0).build());

    // When it goes on battery and comes back
    send(ups("ups-1", 30).status("OB DISCHRG").battery(97.0).build());
    send(ups("ups-1", 90).status("OL CHRG").battery(95.0).build());

    // Then on_battery and power_restored, keyed and stamped like the readings
    List<TestRecord<String, DerivedEvent>> out = events.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactly("ups-1", "ups-1");
    assertThat(out)
        .extracting(r -> r.value().eventType())
        .containsExactly("on_battery", "power_restored");
    assertThat(out)
        .extracting(TestRecord::getRecordTime)
        .containsExactly(T0.plusSeconds(30), T0.plusSeconds(90));
    assertThat(out.get(0).value().metadata()).containsEntry("previous_status", "OL");
    assertThat(out.get(1).value().metadata()).containsEntry("on_battery_seconds", 60);
    assertThat(states.get("ups-1").power().onBatterySince()).isNull();
  }

  @Test
  void batteryLowFromTheUpsOwnThreshold() {
    send(ups("ups-1", 0).battery(60.0).batteryLowPercent(35.0).build());

    send(ups("ups-1", 30).battery(36.0).batteryLowPercent(35.0).build());
    send(ups("ups-1", 60).battery(35.0).batteryLowPercent(35.0).build());
    send(ups("ups-1", 90).battery(30.0).batteryLowPercent(35.0).build());

    List<DerivedEvent> out = events.readValuesToList();
    assertThat(out).extracting(DerivedEvent::eventType).containsExactly("battery_low");
    assertThat(out.getFirst().metadata()).containsEntry("threshold_source", "device");
    assertThat(states.get("ups-1").power().batteryLow()).isTrue();
  }

  @Test
  void batteryLowFromTheLbFlag() {
    send(ups("ups-1", 0).status("OB DISCHRG").battery(70.0).build());

    send(ups("ups-1", 30).status("OB DISCHRG LB").battery(70.0).build());
    send(ups("ups-1", 60).status("OB DISCHRG LB").battery(69.0).build());

    List<DerivedEvent> out = events.readValuesToList();
    assertThat(out).extracting(DerivedEvent::eventType).containsExactly("battery_low");
    assertThat(out.getFirst().metadata()).containsEntry("low_battery_flag", true);
  }

  @Test
  void batteryLowFromTheDefaultThresholdReArmsAfterRecovery() {
    send(ups("ups-1", 0).battery(50.0).build());

    send(ups("ups-1", 30).battery(20.0).build());
    send(ups("ups-1", 60).battery(40.0).build());
    send(ups("ups-1", 90).battery(19.0).build());

    List<DerivedEvent> out = events.readValuesToList();
    assertThat(out)
        .extracting(DerivedEvent::eventType)
        .containsExactly("battery_low", "battery_low");
    assertThat(out.getFirst().metadata()).containsEntry("threshold_source", "default");
  }

  @Test
  void shutdownIsInitiatedOncePerOutage() {
    send(ups("ups-1", 0).status("OL").battery(100.0).build());

    send(ups("ups-1", 30).status("OB").battery(12.0).build());
    send(ups("ups-1", 60).status("OB").battery(10.0).build());
    send(ups("ups-1", 90).status("OB").battery(7.0).build());
    send(ups("ups-1", 120).status("OL").battery(7.0).build());
    send(ups("ups-1", 150).status("OB").battery(6.0).build());

    assertThat(eventTypes())
        .containsExactly(
            "on_battery",
            "battery_low",
            "shutdown_initiated",
            "power_restored",
            "on_battery",
            "shutdown_initiated");
    assertThat(states.get("ups-1").power().shutdownInitiated()).isTrue();
  }

  @Test
  void thresholdsCrossOnceAndReArm() {
    send(ups("ups-1", 0).load(50.0).temperature(30.0).build());

    send(ups("ups-1", 30).load(92.0).temperature(30.0).build());
    send(ups("ups-1", 60).load(99.0).temperature(41.0).build());
    send(ups("ups-1", 90).load(80.0).temperature(42.0).build());
    send(ups("ups-1", 120).load(91.0).temperature(35.0).build());

    assertThat(events.readValuesToList())
        .extracting(e -> e.metadata().get("metric") + "@" + e.timestamp())
        .containsExactly(
            "load_percent@" + T0.plusSeconds(30),
            "temperature_c@" + T0.plusSeconds(60),
            "load_percent@" + T0.plusSeconds(120));
    assertThat(states.get("ups-1").power().loadAboveLimit()).isTrue();
    assertThat(states.get("ups-1").power().temperatureAboveLimit()).isFalse();
  }

  @Test
  void offlineAfterThreeFailedPollsThenOnline() {
    send(ups("ups-1", 0).build());

    send(ups("ups-1", 30).failed("timeout"));
    send(ups("ups-1", 60).failed("timeout"));
    assertThat(events.isEmpty()).isTrue();
    send(ups("ups-1", 90).failed("connection refused"));

    List<DerivedEvent> offline = events.readValuesToList();
    assertThat(offline).extracting(DerivedEvent::eventType).containsExactly("device_offline");
    assertThat(offline.getFirst().metadata())
        .containsEntry("missed_polls", 3)
        .containsEntry("last_error", "connection refused");
    assertThat(states.get("ups-1").liveness().offline()).isTrue();

    send(ups("ups-1", 150).build());

    assertThat(eventTypes()).containsExactly("device_online");
    assertThat(states.get("ups-1").liveness().offline()).isFalse();
    assertThat(states.get("ups-1").liveness().consecutiveFailedPolls()).isZero();
  }

  @Test
  void aSilentDeviceIsDeclaredOfflineByTheWallClockCheck() {
    // Given two devices polled every 30 s
    send(ups("ups-quiet", 0).pollInterval(30).build());
    send(ups("ups-chatty", 0).pollInterval(30).build());

    // When 80 s pass and only one keeps reporting, then 20 s more
    driver.advanceWallClockTime(Duration.ofSeconds(80));
    send(ups("ups-chatty", 80).pollInterval(30).build());
    assertThat(events.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(20));

    // Then the silent one is offline, stamped with the check's time, exactly once
    List<TestRecord<String, DerivedEvent>> out = events.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactly("ups-quiet");
    DerivedEvent offline = out.getFirst().value();
    assertThat(offline.eventType()).isEqualTo("device_offline");
    assertThat(offline.timestamp()).isEqualTo(WALL_CLOCK_START.plusSeconds(100));
    assertThat(offline.metadata()).containsEntry("reason", "silent");
    assertThat(states.get("ups-quiet").liveness().offline()).isTrue();
    assertThat(states.get("ups-chatty").liveness().offline()).isFalse();

    driver.advanceWallClockTime(Duration.ofSeconds(60));
    assertThat(events.isEmpty()).isTrue();

    // And it comes back online with its next reading
    send(ups("ups-quiet", 200).pollInterval(30).build());
    assertThat(eventTypes()).containsExactly("device_online");
  }

  @Test
  void flappingGivesOneEventPerTransition() {
    send(ups("ups-1", 0).status("OL").build());

    send(ups("ups-1", 10).status("OB").build());
    send(ups("ups-1", 20).status("OB").build());
    send(ups("ups-1", 30).status("OL").build());
    send(ups("ups-1", 40).status("OL").build());
    send(ups("ups-1", 50).status("OB").build());
    send(ups("ups-1", 60).status("OL").build());

    assertThat(eventTypes())
        .containsExactly("on_battery", "power_restored", "on_battery", "power_restored");
  }

  @Test
  void devicesAreTrackedIndependently() {
    send(ups("ups-a", 0).status("OL").build());
    send(ups("ups-b", 0).status("OB").build());

    send(ups("ups-a", 30).status("OB").build());
    send(ups("ups-b", 30).status("OB").build());

    List<TestRecord<String, DerivedEvent>> out = events.readRecordsToList();
    assertThat(out)
        .extracting(r -> r.key() + ":" + r.value().eventType())
        .containsExactly("ups-a:on_battery");
  }

  @Test
  void aMalformedRecordIsSkippedAndCountedAndLaterRecordsAreProcessed() {
    // Given a device on line power
    send(ups("ups-1", 0).status("OL").build());
    TestInputTopic<byte[], byte[]> raw =
        driver.createInputTopic(
            Topics.READINGS_POWER.name(), new ByteArraySerializer(), new ByteArraySerializer());

    // When garbage arrives, followed by a good reading
    raw.pipeInput(
        "ups-1".getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8),
        T0.plusSeconds(10));
    send(ups("ups-1", 20).status("OB").build());

    // Then the garbage is counted and skipped, and the good reading still derives its event.
    // (The driver does not capture dead-letter records; ProcessorIT sees them on a real broker.)
    assertThat(malformedRecords).hasValue(1);
    assertThat(eventTypes()).containsExactly("on_battery");
    assertThat(states.get("ups-1").power().upsStatus()).isEqualTo("OB");
  }

  private static RuntimeConfig runtime(
      Integer missedPolls, Double floorPct, Double loadLimitPct, Double temperatureLimitC) {
    return new RuntimeConfig(
        5,
        List.of("postgres"),
        false,
        false,
        "10.0.0.9",
        3493,
        "monitor",
        // As the api publishes it: the processor reads the thresholds and leaves the secret alone.
        TestSecrets.CIPHER.encrypt("nut-pw", SecretContext.runtimeField("nut_password")),
        missedPolls,
        floorPct,
        loadLimitPct,
        temperatureLimitC);
  }

  private void setRuntime(RuntimeConfig runtime) {
    config.pipeInput(ConfigKeys.RUNTIME, ConfigEntry.of(runtime));
  }

  @Test
  void aRuntimeLoadLimitAppliesFromTheNextReadingWithoutARestart() {
    // Given a device at 60 % load, below the environment's 90 % limit
    send(ups("ups-1", 0).load(60.0).build());
    send(ups("ups-1", 30).load(61.0).build());
    assertThat(events.isEmpty()).isTrue();

    // When the runtime configuration lowers the load limit mid-stream
    setRuntime(runtime(null, null, 50.0, null));
    send(ups("ups-1", 60).load(62.0).build());

    // Then the next reading is judged by the new limit
    List<DerivedEvent> out = events.readValuesToList();
    assertThat(out).extracting(DerivedEvent::eventType).containsExactly("threshold_crossed");
    assertThat(out.getFirst().metadata())
        .containsEntry("metric", "load_percent")
        .containsEntry("limit", 50.0);
  }

  @Test
  void runtimeMissedPollsFloorAndTemperatureOverrideAndNullFieldsKeepTheEnvironment() {
    // Given runtime thresholds: offline after one failed poll, floor 30 %, 30 C; load unset
    setRuntime(runtime(1, 30.0, null, 30.0));
    send(ups("ups-1", 0).status("OL").battery(100.0).load(85.0).temperature(25.0).build());

    // When the device runs hot, goes on battery at 30 %, with 89 % load, then a poll fails
    send(ups("ups-1", 30).status("OB").battery(30.0).load(89.0).temperature(31.0).build());
    send(ups("ups-1", 60).failed("timeout"));

    // Then the runtime values decide, and the unset load limit is still the environment's 90 %
    List<DerivedEvent> out = events.readValuesToList();
    assertThat(out)
        .extracting(DerivedEvent::eventType)
        .containsExactly("on_battery", "shutdown_initiated", "threshold_crossed", "device_offline");
    assertThat(out.get(1).metadata()).containsEntry("floor_percent", 30.0);
    assertThat(out.get(2).metadata())
        .containsEntry("metric", "temperature_c")
        .containsEntry("limit", 30.0);
  }

  @Test
  void aDeletedOrUnreadableRuntimeConfigFallsBackToTheEnvironment() {
    // Given a runtime load limit of 50 %
    setRuntime(runtime(null, null, 50.0, null));
    send(ups("ups-1", 0).load(40.0).build());

    // When the runtime entry is removed, and later replaced by garbage
    config.pipeInput(ConfigKeys.RUNTIME, (ConfigEntry) null);
    send(ups("ups-1", 30).load(60.0).build());
    TestInputTopic<byte[], byte[]> raw =
        driver.createInputTopic(
            Topics.CONFIG.name(), new ByteArraySerializer(), new ByteArraySerializer());
    raw.pipeInput(
        ConfigKeys.RUNTIME.getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8));
    send(ups("ups-1", 60).load(70.0).build());

    // Then the environment's 90 % applies: no crossing, and the topology keeps running
    assertThat(events.isEmpty()).isTrue();
    send(ups("ups-1", 90).load(95.0).build());
    assertThat(events.readValuesToList())
        .extracting(e -> e.metadata().get("limit"))
        .containsExactly(90.0);
  }
}
