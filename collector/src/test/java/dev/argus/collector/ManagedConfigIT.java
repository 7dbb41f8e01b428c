package dev.argus.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.collector.testing.TopicRecords;
import dev.argus.contract.Topic;
import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.commands.CollectorCommand;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import dev.argus.contract.testing.UpsdProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole collector driven through {@code argus.config} and {@code argus.commands}, as the api
 * drives it, against an in-JVM Kafka broker and a real upsd: devices added and deleted, the runtime
 * poll interval, the pause, manual polls and discovery, all without a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class ManagedConfigIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String COLLECTOR = "collector-a";

  private static EmbeddedKafkaKraftBroker broker;
  private static UpsdProcess upsd;

  @BeforeAll
  static void startBrokerAndUpsd() {
    assumeTrue(UpsdProcess.available(), "NUT (nut-server) is not installed");
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
    }
    upsd =
        UpsdProcess.start(
            Path.of("target"),
            Map.of(
                "ups.status",
                "OL",
                "battery.charge",
                "100",
                "ups.load",
                "30",
                "ups.realpower",
                "270"));
  }

  @AfterAll
  static void stopBrokerAndUpsd() {
    if (upsd != null) {
      upsd.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  private static DeviceConfig upsdDevice(String id, String collectorId) {
    return new DeviceConfig(
        id,
        "Managed UPS",
        "ups",
        "nut",
        upsd.host(),
        upsd.port(),
        true,
        Map.of(
            "ups",
            UpsdProcess.UPS_NAME,
            "username",
            UpsdProcess.USER,
            // Encrypted, as the api publishes it
            "password",
            TestSecrets.CIPHER.encrypt(
                UpsdProcess.PASSWORD, SecretContext.deviceField(id, "password"))),
        collectorId);
  }

  /**
   * A target on a closed port: its probe fails at once, which is enough to see it probed. Checked
   * every 10 s, so that its first check (at random within the interval) comes soon.
   */
  private static TargetConfig tcpTarget(long id, String collectorId) {
    return new TargetConfig(
        id,
        "Target " + id,
        "tcp",
        "127.0.0.1:1",
        10,
        3,
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        collectorId);
  }

  private static RuntimeConfig runtime(boolean paused, String nutHost) {
    return new RuntimeConfig(
        1,
        List.of(),
        nutHost == null,
        paused,
        nutHost,
        nutHost == null ? null : upsd.port(),
        UpsdProcess.USER,
        TestSecrets.CIPHER.encrypt(
            UpsdProcess.PASSWORD, SecretContext.runtimeField("nut_password")),
        null,
        null,
        null,
        null);
  }

  @Test
  void followsTheConfigurationTopicAndAnswersManualPolls(CapturedOutput output) throws Exception {
    try (var producer = new RawProducer()) {
      // Given a configuration published before the collector starts: a device for any collector,
      // one
      // for another collector, one that cannot be polled, a malformed record, a target and runtime
      // settings of a 1-minute interval (the collector's environment says 1 hour)
      producer.sendRaw(ConfigKeys.device("junk"), "{not json".getBytes(StandardCharsets.UTF_8));
      producer.config(ConfigKeys.device("api-ups"), ConfigEntry.of(upsdDevice("api-ups", null)));
      producer.config(
          ConfigKeys.device("other-ups"), ConfigEntry.of(upsdDevice("other-ups", "collector-b")));
      producer.config(
          ConfigKeys.device("api-bad"),
          ConfigEntry.of(
              new DeviceConfig(
                  "api-bad",
                  null,
                  "ups",
                  "snmp",
                  "127.0.0.1",
                  null,
                  true,
                  Map.of("comunity", "x"),
                  null)));
      // one whose password is encrypted for another device (copied over): not decryptable here
      DeviceConfig copied = upsdDevice("api-ups", null);
      producer.config(
          ConfigKeys.device("api-copied"),
          ConfigEntry.of(
              new DeviceConfig(
                  "api-copied",
                  "Copied",
                  "ups",
                  "nut",
                  upsd.host(),
                  upsd.port(),
                  true,
                  copied.connectionConfig(),
                  null)));
      producer.config(ConfigKeys.target(7), ConfigEntry.of(tcpTarget(7, null)));
      // and two targets assigned to a collector: another one's, and this one's
      producer.config(ConfigKeys.target(8), ConfigEntry.of(tcpTarget(8, "collector-b")));
      producer.config(ConfigKeys.target(9), ConfigEntry.of(tcpTarget(9, COLLECTOR)));
      producer.config(ConfigKeys.RUNTIME, ConfigEntry.of(runtime(false, null)));

      // When the collector starts
      ConfigurableApplicationContext collector =
          new SpringApplicationBuilder(CollectorApplication.class)
              .run(
                  "--argus.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                  "--argus.secrets.keys=" + TestSecrets.KEY,
                  "--argus.collector.collector-id=" + COLLECTOR,
                  "--argus.collector.poll-interval=1h",
                  "--argus.collector.heartbeat-interval=1s");
      var readings = new TopicRecords<>(broker.getBrokersAsString(), Topics.READINGS_POWER);
      var heartbeats = new TopicRecords<>(broker.getBrokersAsString(), Topics.COLLECTOR_STATUS);
      var probes = new TopicRecords<>(broker.getBrokersAsString(), Topics.READINGS_PROBE);
      try (collector;
          readings;
          heartbeats;
          probes) {

        // Then its first cycle polls the managed device, stating the runtime interval
        PowerReading first = readings.first(r -> r.key().equals("api-ups"));
        assertThat(first.succeeded()).isTrue();
        assertThat(first.powerWatts()).isEqualTo(270.0);
        assertThat(first.pollIntervalSeconds()).isEqualTo(60);
        CollectorHeartbeat beat =
            heartbeats.first(
                r -> r.key().equals(COLLECTOR) && r.value().lastCycleCompletedAt() != null);
        assertThat(beat.devicesConfigured()).isEqualTo(1);
        // ... and probes the unassigned target and its own, not the other collector's
        assertThat(beat.targetsConfigured()).isEqualTo(2);
        assertThat(probes.first(r -> r.key().equals("7")).collectorId()).isEqualTo(COLLECTOR);
        assertThat(probes.first(r -> r.key().equals("9")).collectorId()).isEqualTo(COLLECTOR);
        assertThat(beat.schedulerPaused()).isFalse();
        assertThat(beat.schemaVersion()).isEqualTo(2);

        // ... and the next scheduled cycle comes after the runtime interval, not the environment's
        // hour
        PowerReading second =
            readings.first(
                r -> r.key().equals("api-ups") && r.value().timestamp().isAfter(first.timestamp()),
                Duration.ofSeconds(90));
        assertThat(Duration.between(first.timestamp(), second.timestamp()))
            .isGreaterThan(Duration.ofSeconds(50));

        // When scheduled polls are paused and a manual poll is asked for
        producer.config(ConfigKeys.RUNTIME, ConfigEntry.of(runtime(true, null)));
        heartbeats.first(r -> r.value().schedulerPaused());
        Instant askedAt = Instant.now();
        producer.command(new CollectorCommand("cmd-1", CollectorCommand.POLL_NOW, askedAt));

        // Then a cycle runs anyway, and the heartbeats follow it from start to end
        CollectorHeartbeat done = heartbeats.first(r -> "cmd-1".equals(r.value().lastTriggerId()));
        assertThat(done.pollInProgress()).isFalse();
        assertThat(done.schedulerPaused()).isTrue();
        assertThat(done.lastCycleCompletedAt()).isAfter(askedAt);
        heartbeats.first(r -> r.value().pollInProgress() && r.value().timestamp().isAfter(askedAt));
        readings.first(r -> r.key().equals("api-ups") && r.value().timestamp().isAfter(askedAt));

        // When the device is deleted and discovery on the upsd is switched on
        producer.config(ConfigKeys.RUNTIME, ConfigEntry.of(runtime(true, upsd.host())));
        producer.config(ConfigKeys.device("api-ups"), null);
        Instant deletedAt = Instant.now();
        heartbeats.first(
            r -> r.value().timestamp().isAfter(deletedAt) && r.value().devicesConfigured() == 0);
        Instant askedAgainAt = Instant.now();
        producer.command(new CollectorCommand("cmd-2", CollectorCommand.POLL_NOW, askedAgainAt));

        // Then the next cycle polls the UPS the upsd lists, by its name, and not the deleted device
        PowerReading discovered = readings.first(r -> r.key().equals(UpsdProcess.UPS_NAME));
        assertThat(discovered.succeeded()).isTrue();
        assertThat(discovered.timestamp()).isAfter(askedAgainAt);
        heartbeats.first(r -> "cmd-2".equals(r.value().lastTriggerId()));
        assertThat(readings.seen())
            .filteredOn(
                r -> r.key().equals("api-ups") && r.value().timestamp().isAfter(askedAgainAt))
            .isEmpty();
        assertThat(readings.seen())
            .noneMatch(
                r ->
                    r.key().equals("other-ups")
                        || r.key().equals("api-bad")
                        || r.key().equals("api-copied"));
        // and the other collector's target was never probed, though 7 and 9 were, every 10 s
        assertThat(probes.seen()).noneMatch(r -> r.key().equals("8"));
      }
    }
    assertThat(output.getAll())
        .contains("Skipped record argus.config-0@0 (key device/junk)")
        .contains(
            "Device 'api-bad' from argus.config is not polled: connection_config has key(s)"
                + " [comunity]")
        .contains(
            "Device 'api-copied' from argus.config is not polled: connection_config credentials:"
                + " the secret of device:api-copied:password failed authentication with key"
                + " 'fixture'")
        .doesNotContain(UpsdProcess.PASSWORD);
  }

  /** Publishes configuration records and commands as the api does. */
  private static final class RawProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());

    void config(String key, ConfigEntry entry) throws Exception {
      send(Topics.CONFIG, key, entry);
    }

    void command(CollectorCommand command) throws Exception {
      send(Topics.COMMANDS, command.commandId(), command);
    }

    void sendRaw(String key, byte[] value) throws Exception {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CONFIG.name(), key.getBytes(StandardCharsets.UTF_8), value))
          .get();
    }

    private <V> void send(Topic<String, V> topic, String key, V value) throws Exception {
      byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
      producer
          .send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), bytes))
          .get();
    }

    @Override
    public void close() {
      producer.close();
    }
  }
}
