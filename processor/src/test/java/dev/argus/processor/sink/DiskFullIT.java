package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.argus.contract.Topics;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.system.DatabaseConfiguration;
import dev.argus.processor.system.DatabaseProperties;
import dev.argus.processor.testing.ReadingBuilder;
import dev.argus.processor.testing.TestKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL's volume fills up while readings keep coming, then space is freed: the sink must count
 * the refusals as a full disk, keep the readings in Kafka, and store every one of them, once, when
 * the space returns. The volume is a small tmpfs, so the test needs root (mount); elsewhere it is
 * skipped.
 */
class DiskFullIT {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final String DEVICE = "ups-disk-full";

  private TestKafka kafka;
  private Path volume;
  private boolean mounted;
  private EmbeddedPostgres postgres;
  private HikariDataSource dataSource;
  private ProductionLanes sink;

  @BeforeEach
  void start() throws Exception {
    volume = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "disk-full-pg-");
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", volume.toString())
            .redirectErrorStream(true)
            .start();
    mount.getInputStream().readAllBytes();
    mounted = mount.waitFor() == 0;
    assumeTrue(mounted, "a tmpfs for PostgreSQL needs root (mount -t tmpfs)");
    kafka = TestKafka.start();
    postgres =
        EmbeddedPostgres.builder()
            // initdb and the first start take more than the default 10 s on a loaded CI machine
            .setPGStartupWait(Duration.ofSeconds(60))
            .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
            .setDataDirectory(volume.resolve("cluster"))
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "off")
            .start();
    dataSource =
        DatabaseConfiguration.pooledDataSource(
            new DatabaseProperties(
                postgres.getJdbcUrl("postgres", "postgres"),
                "postgres",
                "",
                Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() throws Exception {
    if (sink != null) {
      sink.stop();
    }
    if (dataSource != null) {
      dataSource.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (mounted) {
      new ProcessBuilder("umount", volume.toString()).inheritIO().start().waitFor();
    }
    FileSystemUtils.deleteRecursively(volume);
  }

  @Test
  void readingsWaitInKafkaWhileTheDiskIsFullAndAreStoredOnceWhenSpaceReturns() throws Exception {
    // Given a sink storing readings
    sink =
        ProductionLanes.start(
            kafka.properties(),
            new SinkProperties(
                "disk-full-sink",
                2000,
                Duration.ofMillis(200),
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10)),
            dataSource);
    send(readings(0, 10));
    await().atMost(Duration.ofSeconds(60)).until(() -> snapshotRows() == 10);

    // When the volume fills up and more readings come than the table's last page holds
    Path filler = volume.resolve("filler");
    fill(filler);
    send(readings(10, 2_010));

    // Then the sink retries them as a full disk and stores none of them meanwhile
    await().atMost(Duration.ofSeconds(60)).until(() -> sink.counters().diskFullRetries() >= 2);
    assertThat(snapshotRows()).isLessThan(2_010);

    // When the space returns
    Files.delete(filler);

    // Then every reading is stored, exactly once
    await().atMost(Duration.ofSeconds(60)).until(() -> snapshotRows() == 2_010);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "SELECT count(DISTINCT ts) FROM power_snapshots WHERE device_id = ?",
                    Long.class,
                    DEVICE))
        .isEqualTo(2_010);
  }

  /** Takes every free byte of the volume. */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertThat(full).hasMessageContaining("No space left");
    }
  }

  private void send(List<PowerReading> readings) {
    kafka.send(Topics.READINGS_POWER, readings, PowerReading::deviceId);
  }

  private static List<PowerReading> readings(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> ReadingBuilder.ups(DEVICE).at(T0.plusSeconds(30L * i)).build())
        .toList();
  }

  private long snapshotRows() {
    try {
      return new JdbcTemplate(dataSource)
          .queryForObject(
              "SELECT count(*) FROM power_snapshots WHERE device_id = ?", Long.class, DEVICE);
    } catch (RuntimeException refused) {
      return -1;
    }
  }
}
