package dev.argus.processor.energy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.Topics;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.streams.StreamsProperties;
import dev.argus.processor.streams.StreamsRuntimeConfig;
import dev.argus.processor.testing.ReadingBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The production energy topology with an emit interval: a device's total is published at most once
 * per interval of wall-clock time, the newest waits and a punctuation publishes it, and a total
 * that closes a UTC day is published at once.
 */
class EnergyEmissionTest {

  private static final Instant WALL_T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final Instant T0 = Instant.parse("2026-05-27T23:58:00Z");

  private Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, PowerReading> readings;
  private TestOutputTopic<String, EnergyTotal> energy;

  @BeforeEach
  void startDriver() {
    stateDir = Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
    var streams =
        new StreamsProperties("argus-processor-test", stateDir.toString(), Duration.ofMillis(200));
    var settings =
        new EnergySettings(
            Topics.READINGS_POWER, Topics.ENERGY, Duration.ofMinutes(15), Duration.ofSeconds(10));
    driver =
        new TopologyTestDriver(
            new EnergyTopology(settings).build(),
            StreamsRuntimeConfig.properties("localhost:9", (short) 1, streams, new AtomicLong()),
            WALL_T0);
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
  }

  @AfterEach
  void closeDriver() throws IOException {
    driver.close();
    FileSystemUtils.deleteRecursively(stateDir);
  }

  private void send(Instant at, double watts) {
    PowerReading reading = ReadingBuilder.ups("ups-1").at(at).power(watts).build();
    readings.pipeInput(reading.deviceId(), reading, reading.timestamp());
  }

  @Test
  void totalsWithinTheIntervalWaitAndTheNewestIsPublishedByThePunctuation() {
    // Given a device whose first total was just published
    send(T0, 360.0);
    send(T0.plusSeconds(10), 360.0);
    assertThat(energy.readValuesToList()).extracting(EnergyTotal::whTotal).containsExactly(1.0);

    // When two more readings come within the same 10 s of wall-clock time
    send(T0.plusSeconds(20), 360.0);
    send(T0.plusSeconds(30), 360.0);

    // Then nothing is published yet, and the punctuation publishes only the newest total
    assertThat(energy.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(10));
    List<EnergyTotal> published = energy.readValuesToList();
    assertThat(published).extracting(EnergyTotal::whTotal).containsExactly(3.0);
    assertThat(published.get(0).asOf()).isEqualTo(T0.plusSeconds(30));

    // And with nothing new, the next punctuation publishes nothing
    driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(energy.isEmpty()).isTrue();
  }

  @Test
  void theFirstPunctuationAfterAStartPublishesEveryDevicesTotalOnce() {
    // Why: what waited in memory when a processor stopped is not known after a restart, but
    // every total is a function of the stored state, so republishing all of them once is safe.
    send(T0, 360.0);
    send(T0.plusSeconds(10), 360.0);
    assertThat(energy.readValuesToList()).extracting(EnergyTotal::whTotal).containsExactly(1.0);

    driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(energy.readValuesToList()).extracting(EnergyTotal::whTotal).containsExactly(1.0);

    driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(energy.isEmpty()).isTrue();
  }

  @Test
  void aTotalThatClosesAUtcDayIsPublishedAtOnce() {
    send(T0, 360.0);
    send(T0.plusSeconds(60), 360.0);
    energy.readValuesToList();

    // Across midnight, within the same 10 s of wall-clock time
    send(T0.plusSeconds(180), 360.0);

    List<EnergyTotal> published = energy.readValuesToList();
    assertThat(published)
        .extracting(EnergyTotal::day)
        .containsExactly(LocalDate.parse("2026-05-27"), LocalDate.parse("2026-05-28"));
    assertThat(published.get(0).whDay()).isEqualTo(12.0);
    assertThat(published.get(1).whDay()).isEqualTo(6.0);
  }
}
