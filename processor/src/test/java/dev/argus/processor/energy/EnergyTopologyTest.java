package dev.argus.processor.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.contract.Topics;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import dev.argus.processor.testing.ReadingBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * The production energy topology and Streams configuration under {@link TopologyTestDriver}:
 * explicit record timestamps, assertions on {@code argus.energy} and on the state store.
 */
class EnergyTopologyTest {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");

  private final AtomicLong malformedRecords = new AtomicLong();
  private Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, PowerReading> readings;
  private TestOutputTopic<String, EnergyTotal> energy;
  private KeyValueStore<String, EnergyState> states;

  @BeforeEach
  void startDriver() {
    stateDir = Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    driver =
        new TopologyTestDriver(
            new EnergyTopology(EnergySettings.defaults()).build(),
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, malformedRecords),
            T0);
    readings =
        driver.createInputTopic(
            Topics.READINGS_POWER.name(),
            Topics.READINGS_POWER.keySerde().serializer(),
            Topics.READINGS_POWER.valueSerde().serializer());
    energy =
        driver.createOutputTopic(
            Topics.ENERGY.name(),
            Topics.ENERGY.keySerde().deserializer(),
            Topics.ENERGY.valueSerde().deserializer());
    states = driver.getKeyValueStore(EnergyTopology.ENERGY_STATE_STORE);
  }

  @AfterEach
  void closeDriver() throws IOException {
    driver.close();
    FileSystemUtils.deleteRecursively(stateDir);
  }

  private void send(PowerReading reading) {
    readings.pipeInput(reading.deviceId(), reading, reading.timestamp());
  }

  private static PowerReading watts(String device, Instant at, double watts) {
    return ReadingBuilder.ups(device).at(at).power(watts).build();
  }

  @Test
  void everyIntegratedReadingPublishesTheDevicesTotalKeyedAndStampedLikeIt() {
    // Given two devices
    send(watts("ups-1", T0, 240.0));
    send(watts("ups-2", T0, 720.0));
    assertThat(energy.isEmpty()).isTrue();

    // When each reports again 30 s later
    send(watts("ups-1", T0.plusSeconds(30), 240.0));
    send(watts("ups-2", T0.plusSeconds(30), 720.0));

    // Then each gets its own total, keyed by device, at the reading's time
    List<TestRecord<String, EnergyTotal>> out = energy.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactly("ups-1", "ups-2");
    assertThat(out).extracting(TestRecord::getRecordTime).containsOnly(T0.plusSeconds(30));
    assertThat(out.get(0).value().whTotal()).isEqualTo(2.0);
    assertThat(out.get(1).value().whTotal()).isEqualTo(6.0);

    // And the store holds each device's point and totals
    EnergyState state = states.get("ups-1");
    assertThat(state.lastAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(state.lastPowerWatts()).isEqualTo(240.0);
    assertThat(state.whTotal()).isEqualTo(2.0);
    assertThat(state.day()).isEqualTo(LocalDate.parse("2026-05-27"));
  }

  @Test
  void failedPollsDuplicatesAndGapsPublishNothing() {
    send(watts("ups-1", T0, 240.0));

    send(ReadingBuilder.ups("ups-1").at(T0.plusSeconds(30)).failed("timeout"));
    send(watts("ups-1", T0, 240.0));
    send(watts("ups-1", T0.plusSeconds(3600), 240.0));

    assertThat(energy.isEmpty()).isTrue();
    assertThat(states.get("ups-1").gapsSkipped()).isEqualTo(1);
    assertThat(states.get("ups-1").lastAt()).isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void aReadingAfterMidnightClosesThePreviousDayThenOpensTheNewOne() {
    Instant beforeMidnight = Instant.parse("2026-05-27T23:59:45Z");
    send(watts("ups-1", beforeMidnight, 240.0));

    send(watts("ups-1", beforeMidnight.plusSeconds(30), 240.0));

    List<EnergyTotal> out = energy.readValuesToList();
    assertThat(out)
        .extracting(EnergyTotal::day)
        .containsExactly(LocalDate.parse("2026-05-27"), LocalDate.parse("2026-05-28"));
    assertThat(out.get(0).whDay()).isCloseTo(1.0, within(1e-12));
    assertThat(out.get(1).whDay()).isCloseTo(1.0, within(1e-12));
    assertThat(out).extracting(EnergyTotal::whTotal).containsOnly(2.0);
  }

  @Test
  void aMalformedReadingIsSkippedAndCounted() {
    send(watts("ups-1", T0, 240.0));
    var raw =
        driver.createInputTopic(
            Topics.READINGS_POWER.name(), new ByteArraySerializer(), new ByteArraySerializer());
    raw.pipeInput(
        "ups-1".getBytes(StandardCharsets.UTF_8), "{garbage".getBytes(StandardCharsets.UTF_8));

    send(watts("ups-1", T0.plusSeconds(30), 240.0));

    assertThat(malformedRecords).hasValue(1);
    assertThat(energy.readValuesToList()).extracting(EnergyTotal::whTotal).containsExactly(2.0);
  }
}
