package dev.argus.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.argus.contract.Topics;
import dev.argus.contract.testing.EmbeddedDatabase;
import dev.argus.contract.testing.PortRelay;
import dev.argus.processor.system.BrokerStartup;
import dev.argus.processor.testing.ReadingBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/**
 * The whole processor started while no broker listens at its address: it keeps waiting (attempts of
 * 2 s here instead of 30 s, pauses of at most 1 s) where it used to stop after one failed attempt,
 * says so, and gets to work by itself once that port opens onto a real broker (a relay to an in-JVM
 * broker, which picks its own port). A broker that answers with an error waiting cannot mend still
 * stops start-up with its message.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerWaitIT {

  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

  private final List<ConfigurableApplicationContext> processors = new ArrayList<>();
  private final List<Path> stateDirs = new ArrayList<>();
  private EmbeddedKafkaKraftBroker broker;
  private PortRelay relay;

  @AfterEach
  void stopEverything() throws IOException {
    processors.forEach(ConfigurableApplicationContext::close);
    if (relay != null) {
      relay.close();
    }
    if (broker != null) {
      broker.destroy();
    }
    for (Path stateDir : stateDirs) {
      FileSystemUtils.deleteRecursively(stateDir);
    }
  }

  @Test
  void waitsForAnUnreachableBrokerAndCarriesOnWhenItAppears(CapturedOutput output)
      throws Exception {
    // Given a port where no broker listens, and a database
    int port = freePort();
    String databaseUrl = EmbeddedDatabase.freshDatabase();

    // When the processor starts against it
    AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
    CompletableFuture<ConfigurableApplicationContext> started =
        CompletableFuture.supplyAsync(
            () ->
                start(
                    context,
                    "127.0.0.1:" + port,
                    databaseUrl,
                    "--argus.kafka.startup.max-backoff=1s"));

    // Then, after more failed attempts than the one that used to end it, it is still waiting
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> output.getOut().contains("attempt 4 failed"));
    assertThat(started).isNotDone();
    assertThat(output.getOut())
        .contains(
            "Waiting for the Kafka broker at 127.0.0.1:"
                + port
                + " (ARGUS_KAFKA_BOOTSTRAP_SERVERS) to create the topics: attempt 1 failed")
        .contains("trying again in PT1S")
        .doesNotContain("Application run failed");
    BrokerStartup startup = context.get().getBean(BrokerStartup.class);
    assertThat(startup.waitingFor())
        .hasValueSatisfying(
            waiting -> assertThat(waiting).contains("127.0.0.1:" + port, "failed", "next in"));
    ApplicationAvailability availability = context.get().getBean(ApplicationAvailability.class);
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

    // When a broker starts and that port opens onto it
    broker = startBroker();
    relay = PortRelay.open(port, brokerAddress());

    // Then the processor creates the topics, finishes starting and stores a reading
    ConfigurableApplicationContext processor = started.get(3, TimeUnit.MINUTES);
    assertThat(startup.waitingFor()).isEmpty();
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    assertThat(output.getOut()).contains("answered after", "the topics are ready");
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(topics).containsAll(Topics.all().stream().map(t -> t.name()).toList());
    }
    send(ReadingBuilder.ups("ups-waited").at(T0).status("OL").battery(100.0).build());
    var db = new JdbcTemplate(EmbeddedDatabase.dataSource(databaseUrl));
    // (The sink migrates the schema on its own thread: the table may not be there at once.)
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreException(BadSqlGrammarException.class)
        .until(
            () ->
                db.queryForObject(
                        "SELECT count(*) FROM power_snapshots WHERE device_id = 'ups-waited'",
                        Long.class)
                    == 1);
    assertThat(processor.isRunning()).isTrue();
  }

  @Test
  void aReplicationFactorTheBrokerCannotHoldStopsStartUpAtOnce(CapturedOutput output)
      throws Exception {
    // Given a broker of one node
    broker = startBroker();
    String databaseUrl = EmbeddedDatabase.freshDatabase();

    // When the processor asks for topics with three replicas
    // Then start-up stops with the broker's reason and the setting to check, without waiting
    assertThatThrownBy(
            () ->
                start(
                    new AtomicReference<>(),
                    broker.getBrokersAsString(),
                    databaseUrl,
                    "--argus.kafka.replication-factor=3"))
        .hasStackTraceContaining(
            "Could not create the Kafka topics at " + broker.getBrokersAsString())
        .hasStackTraceContaining("replication factor")
        .hasStackTraceContaining("ARGUS_KAFKA_REPLICATION_FACTOR");
    assertThat(output.getOut()).doesNotContain("Waiting for the Kafka broker");
  }

  private ConfigurableApplicationContext start(
      AtomicReference<ConfigurableApplicationContext> context,
      String bootstrap,
      String databaseUrl,
      String... more) {
    Path stateDir =
        Path.of("target", "streams-state", UUID.randomUUID().toString()).toAbsolutePath();
    stateDirs.add(stateDir);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--argus.kafka.bootstrap-servers=" + bootstrap,
                "--argus.kafka.startup.attempt-timeout=2s",
                "--argus.db.url=" + databaseUrl,
                "--argus.db.user=postgres",
                "--argus.streams.state-dir=" + stateDir));
    args.addAll(List.of(more));
    ConfigurableApplicationContext started =
        new SpringApplicationBuilder(ProcessorApplication.class)
            .initializers(context::set)
            .run(args.toArray(String[]::new));
    processors.add(started);
    return started;
  }

  private InetSocketAddress brokerAddress() {
    String[] hostAndPort = broker.getBrokersAsString().split(",")[0].split(":");
    return new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
  }

  private static EmbeddedKafkaKraftBroker startBroker() {
    var started = new EmbeddedKafkaKraftBroker(1, 1);
    // One broker: the transaction log (for exactly-once Streams) must live with one replica.
    started.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    started.afterPropertiesSet();
    return started;
  }

  private void send(dev.argus.contract.power.PowerReading reading) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            Topics.READINGS_POWER.keySerde().serializer(),
            Topics.READINGS_POWER.valueSerde().serializer())) {
      producer.send(
          new ProducerRecord<>(Topics.READINGS_POWER.name(), reading.deviceId(), reading));
      producer.flush();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
