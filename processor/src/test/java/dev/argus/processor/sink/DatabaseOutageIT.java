package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.argus.contract.Topics;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.power.PowerReading;
import dev.argus.processor.system.DatabaseConfiguration;
import dev.argus.processor.system.DatabaseProperties;
import dev.argus.processor.testing.ReadingBuilder;
import dev.argus.processor.testing.TestKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The database goes away while readings keep coming, and comes back on the same port with the same
 * data: the sink must neither lose nor duplicate anything. Uses its own PostgreSQL so that stopping
 * it does not disturb other tests.
 */
class DatabaseOutageIT {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final String DEVICE = "ups-outage";

  private TestKafka kafka;
  private Path dataDirectory;
  private int port;
  private EmbeddedPostgres postgres;
  private HikariDataSource dataSource;
  private ProductionLanes sink;

  @BeforeEach
  void start() throws IOException {
    kafka = TestKafka.start();
    port = freePort();
    Path target = Path.of("target").toAbsolutePath();
    dataDirectory = Files.createTempDirectory(target, "outage-pg-");
    postgres = startPostgres();
    dataSource =
        DatabaseConfiguration.pooledDataSource(
            new DatabaseProperties(
                postgres.getJdbcUrl("postgres", "postgres"),
                "postgres",
                "",
                Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() throws IOException {
    if (sink != null) {
      sink.stop();
    }
    dataSource.close();
    if (postgres != null) {
      postgres.close();
    }
    FileSystemUtils.deleteRecursively(dataDirectory);
    kafka.close();
  }

  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        // initdb and the first start take more than the default 10 s on a loaded CI machine
        .setPGStartupWait(Duration.ofSeconds(60))
        .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
        .setPort(port)
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setServerConfig("fsync", "off")
        .start();
  }

  private ProductionLanes startSink() {
    sink =
        ProductionLanes.start(
            kafka.properties(),
            new SinkProperties(
                "outage-sink",
                2000,
                Duration.ofMillis(200),
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10)),
            dataSource);
    return sink;
  }

  @Test
  void recordsProducedDuringAnOutageAreStoredWhenTheDatabaseReturns() throws IOException {
    // Given a sink storing readings
    startSink();
    send(readings(0, 10));
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshotRows() == 10);

    // When the database stops, readings and an event keep coming, and the sink keeps failing
    postgres.close();
    postgres = null;
    send(readings(10, 25));
    kafka.send(
        Topics.EVENTS,
        List.of(
            DerivedEvent.power(DEVICE, PowerEventType.ON_BATTERY, T0.plusSeconds(300), Map.of())),
        DerivedEvent::subjectId);
    long retriesBefore = sink.counters().retriedBatches();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sink.counters().retriedBatches() >= retriesBefore + 2);

    // And the database comes back on the same port with its data
    postgres = startPostgres();

    // Then everything is stored, exactly once
    await().atMost(Duration.ofSeconds(60)).until(() -> snapshotRows() == 25 && eventRows() == 1);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "SELECT count(DISTINCT ts) FROM power_snapshots WHERE device_id = ?",
                    Long.class,
                    DEVICE))
        .isEqualTo(25);
  }

  @Test
  void aSinkStartedWhileTheDatabaseIsDownWaitsForIt() throws IOException {
    // Given no database, a sink that has tried and failed to migrate the schema, and readings
    postgres.close();
    postgres = null;
    startSink();
    send(readings(0, 5));
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.counters().schemaRetries() >= 2);

    // When the database starts
    postgres = startPostgres();

    // Then the schema is migrated and the readings are stored
    await().atMost(Duration.ofSeconds(60)).until(() -> snapshotRows() == 5);
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
    return count("SELECT count(*) FROM power_snapshots WHERE device_id = ?");
  }

  private long eventRows() {
    return count("SELECT count(*) FROM power_events WHERE device_id = ?");
  }

  private long count(String sql) {
    try {
      return new JdbcTemplate(dataSource).queryForObject(sql, Long.class, DEVICE);
    } catch (RuntimeException databaseStillDown) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
