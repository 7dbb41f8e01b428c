package dev.argus.bench;

import dev.argus.stack.LocalStack;
import dev.argus.stack.StackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The real local stack, started the way {@code ./argus-start.sh} starts it but on free ports, in
 * its own data directory, without the demo fleet and without devices for the collector: the
 * benchmark produces the readings itself.
 */
public final class BenchStack implements AutoCloseable {

  private final LocalStack stack;
  private final Path dataDir;

  private BenchStack(LocalStack stack, Path dataDir) {
    this.stack = stack;
    this.dataDir = dataDir;
  }

  public static BenchStack start(Path home, Path dataDir, PrintStream out) throws Exception {
    return start(home, dataDir, out, builder -> builder);
  }

  /**
   * The same stack with {@code customize} applied to its options last (the fault harness: devices
   * for the collector, other settings for the services).
   */
  public static BenchStack start(
      Path home, Path dataDir, PrintStream out, UnaryOperator<StackOptions.Builder> customize)
      throws Exception {
    StackOptions.Builder builder =
        StackOptions.builder(home, dataDir)
            .reset(true)
            .apiPort(freePort())
            .kafkaPort(freePort())
            .controllerPort(freePort())
            .dbPort(freePort())
            .externalDatabase(null, null, null)
            .demoFleet(false)
            .demoNutPort(freePort())
            .demoLlmPort(freePort())
            .processorMetricsPort(freePort())
            .collectorMetricsPort(freePort())
            .pollInterval(Duration.ofMinutes(5))
            // The llm scenario registers its 500 models through /api/v1 as a user would; the
            // default window of 60 requests a minute per key would stretch that to 9 minutes.
            // /api/snapshots and /api/events (the api scenario) have no key and no window.
            .serviceEnvironment(Map.of("RATE_LIMIT_PER_MINUTE", "1000000"))
            // Measure what users run: a database that syncs its commits.
            .durableDatabase(true);
    return new BenchStack(LocalStack.start(customize.apply(builder).build(), out), dataDir);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
  }

  public String apiBaseUrl() {
    return stack.apiBaseUrl();
  }

  /** The admin API key the launcher generated into the data directory. */
  public String adminKey() throws IOException {
    return java.nio.file.Files.readString(dataDir.resolve("api-key")).strip();
  }

  public String kafkaBootstrap() {
    return stack.kafkaBootstrap();
  }

  /** The stack's JVMs by name; the launcher is this benchmark's own JVM, the load generator. */
  public Map<String, Long> jvmPids() {
    Map<String, Long> pids = new HashMap<>(stack.pids());
    pids.remove("launcher");
    return pids;
  }

  /**
   * {@link #jvmPids()} and, while the embedded PostgreSQL runs, its postmaster as {@code postgres}:
   * the fault harness times a database outage by the postmaster's new pid.
   */
  public Map<String, Long> processPids() {
    Map<String, Long> pids = jvmPids();
    postmasterPid().ifPresent(pid -> pids.put("postgres", pid));
    return pids;
  }

  /** The postmaster's pid from the first line of its pid file; empty while it is stopped. */
  private Optional<Long> postmasterPid() {
    try {
      String first = Files.readAllLines(postmasterPidFile()).getFirst().strip();
      return Optional.of(Long.parseLong(first));
    } catch (IOException | RuntimeException stoppedOrStarting) {
      return Optional.empty();
    }
  }

  /** Stops the broker while the rest of the stack runs on (the fault harness's outage). */
  public void stopBroker() {
    stack.stopBroker();
  }

  /** Starts the broker stopped by {@link #stopBroker()} again. */
  public void startBrokerAgain() throws Exception {
    stack.startBrokerAgain();
  }

  /** The stack's data directory (logs in {@code logs/}). */
  public Path dataDir() {
    return dataDir;
  }

  /** See {@link LocalStack#startInstance}: one more processor, api or collector JVM. */
  public void startInstance(String service, String name, Map<String, String> overrides)
      throws IOException {
    stack.startInstance(service, name, overrides);
  }

  /** SIGTERM to an instance of {@link #startInstance}, SIGKILL after {@code grace}. */
  public void stopInstance(String name, Duration grace) {
    stack.stopInstance(name, grace);
  }

  /** Starts a stopped or killed instance of {@link #startInstance} again. */
  public void restartInstance(String name) throws IOException {
    stack.restartInstance(name);
  }

  /** The log of a service ({@code processor}, {@code api}, {@code collector}) or an instance. */
  public Path logFile(String name) {
    return stack.logFile(name);
  }

  /** Stops the embedded PostgreSQL server while the rest runs on (the database outage). */
  public void stopDatabase() throws IOException {
    stack.stopDatabase();
  }

  /** Starts the server stopped by {@link #stopDatabase()} again. */
  public void startDatabaseAgain() throws IOException {
    stack.startDatabaseAgain();
  }

  Path postmasterPidFile() {
    return dataDir.resolve("postgres").resolve("postmaster.pid");
  }

  /**
   * The memory of each of the stack's processes now, in KiB (RSS of each JVM, PSS of PostgreSQL),
   * with the pids of this moment: a restarted service is measured as it is now.
   */
  public Map<String, Long> memoryNowKib() {
    return memorySampler().nowKib();
  }

  MemorySampler memorySampler() {
    return new MemorySampler(jvmPids(), postmasterPidFile());
  }

  @Override
  public void close() {
    stack.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
