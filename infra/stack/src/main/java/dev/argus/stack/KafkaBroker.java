package dev.argus.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run
 * in its own JVM from this module's classpath. The log directory is formatted once and reused by
 * later starts, so topics and offsets survive a restart of the stack.
 */
final class KafkaBroker implements AutoCloseable {

  private final ChildProcess process;
  private final String bootstrap;

  private KafkaBroker(ChildProcess process, String bootstrap) {
    this.process = process;
    this.bootstrap = bootstrap;
  }

  static KafkaBroker start(Path dataDir, int port, int controllerPort, Duration readyTimeout)
      throws IOException, InterruptedException {
    Path dir = dataDir.resolve("kafka");
    Path logDir = dir.resolve("data");
    Files.createDirectories(logDir);
    Path config = writeServerProperties(dir, logDir, port, controllerPort);
    Path log4j = writeLog4jConfig(dir, dataDir.resolve("logs").resolve("kafka.log"));
    List<String> jvm =
        List.of(
            "-Xms128m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-Dlog4j2.configurationFile=" + log4j,
            "-cp",
            System.getProperty("java.class.path"));
    Path consoleLog = dataDir.resolve("logs").resolve("kafka-console.log");
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      formatLogDirectory(newClusterId(), config, jvm, consoleLog);
    }
    var process =
        ChildProcess.startJava(
            "kafka", jvm, List.of("kafka.Kafka", config.toString()), Map.of(), consoleLog);
    var broker = new KafkaBroker(process, "127.0.0.1:" + port);
    broker.awaitReady(readyTimeout);
    return broker;
  }

  String bootstrap() {
    return bootstrap;
  }

  long pid() {
    return process.pid();
  }

  /** Stops the broker as a service manager would (SIGTERM, a controlled shutdown). */
  void stop() {
    process.stop(Duration.ofSeconds(30));
  }

  /** Starts the stopped broker again with the same command, ports and log directory. */
  void startAgain(Duration readyTimeout) throws IOException, InterruptedException {
    process.restart();
    awaitReady(readyTimeout);
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    try (Admin admin = Admin.create(props)) {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "The Kafka broker "
                  + process.exitDescription()
                  + "; see "
                  + process.logFile()
                  + " (is port "
                  + bootstrap
                  + " already in use?)");
        }
        try {
          admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
          return;
        } catch (Exception notYet) {
          Thread.sleep(250);
        }
      }
    }
    process.stop(Duration.ofSeconds(5));
    throw new IllegalStateException(
        "The Kafka broker did not become ready within " + timeout + "; see " + process.logFile());
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(30));
  }

  static Path writeServerProperties(Path dir, Path logDir, int port, int controllerPort)
      throws IOException {
    String props =
        """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        log.dirs=%3$s
        num.partitions=1
        auto.create.topics.enable=false
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        log.retention.check.interval.ms=300000
        """
            .formatted(port, controllerPort, logDir);
    Path file = dir.resolve("server.properties");
    Files.writeString(file, props);
    return file;
  }

  private static Path writeLog4jConfig(Path dir, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    String config =
        """
        appender.file.type=File
        appender.file.name=file
        appender.file.fileName=%s
        appender.file.layout.type=PatternLayout
        appender.file.layout.pattern=[%%d] %%p %%m (%%c)%%n
        rootLogger.level=INFO
        rootLogger.appenderRef.file.ref=file
        logger.kafka.name=kafka
        logger.kafka.level=WARN
        logger.kafka-server.name=kafka.server.KafkaRaftServer
        logger.kafka-server.level=INFO
        logger.apache.name=org.apache.kafka
        logger.apache.level=WARN
        """
            .formatted(logFile);
    Path file = dir.resolve("log4j2.properties");
    Files.writeString(file, config);
    return file;
  }

  /**
   * What {@code kafka-storage random-uuid} prints: Kafka's own id, never one that starts with "-".
   */
  static String newClusterId() {
    return Uuid.randomUuid().toString();
  }

  /** Formats the log directory named in {@code config} for a new cluster. */
  static void formatLogDirectory(String clusterId, Path config, List<String> jvm, Path consoleLog)
      throws IOException, InterruptedException {
    var format =
        ChildProcess.startJava(
            "kafka-storage-format", jvm, formatArguments(clusterId, config), Map.of(), consoleLog);
    int status = format.waitFor(Duration.ofSeconds(60));
    if (status != 0) {
      throw new IllegalStateException(
          "Formatting the Kafka log directory failed (status " + status + "); see " + consoleLog);
    }
  }

  /**
   * The storage tool's arguments. The id is joined to its option with "=": a base64url id may begin
   * with "-", and given as a separate argument the tool would read it as an option.
   */
  static List<String> formatArguments(String clusterId, Path config) {
    return List.of(
        "kafka.tools.StorageTool",
        "format",
        "--cluster-id=" + clusterId,
        "--config=" + config,
        "--ignore-formatted");
  }
}
