package dev.argus.stack;

import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.kafka.KafkaSettings;
import dev.argus.contract.schema.ServiceRoles;
import dev.argus.contract.secrets.InvalidSecretKeyException;
import dev.argus.stack.demo.DemoCamera;
import dev.argus.stack.demo.DemoCameraSeeder;
import dev.argus.stack.demo.DemoFleet;
import dev.argus.stack.demo.DemoLlmEndpoints;
import dev.argus.stack.demo.DemoLlmSeeder;
import dev.argus.stack.demo.DemoTargetSeeder;
import dev.argus.stack.demo.NutSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of Argus on one machine without Docker: a KRaft broker, PostgreSQL, the processor, the
 * api and the collector (each in its own JVM, as in a real deployment), and a simulated fleet of
 * UPSes that speak the NUT protocol. Started by {@code ./argus-start.sh} (through {@link
 * Launcher}); also used by the end-to-end tests and the benchmark.
 *
 * <p>This class holds the order: parts start in dependency order (broker, database, demo fleet,
 * services, supervisor) and stop in reverse.
 */
public final class LocalStack implements AutoCloseable {

  private static final int STAGES = 5;

  private final StackOptions options;
  private final PrintStream out;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Map<String, ChildProcess> services = new HashMap<>();
  private LocalDatabase database;
  private KafkaBroker broker;
  private LeftoverProcesses leftovers;
  private AdminKey.Resolved adminKey;
  private DemoLlmEndpoints demoLlm;
  private DemoCamera demoCamera;
  private final CompletableFuture<String> gaveUp = new CompletableFuture<>();

  LocalStack(StackOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * The launcher's entry point. {@code ./argus-start.sh} names this class, and a later start
   * recognises a launcher an earlier run left behind by it ({@link LeftoverProcesses}).
   */
  public static void main(String[] args) {
    Launcher.run(args);
  }

  /** Starts every part, in dependency order; on failure stops what was started and rethrows. */
  public static LocalStack start(StackOptions options, PrintStream out) throws Exception {
    LocalStack stack = new LocalStack(options, out);
    try {
      stack.start();
      return stack;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  void start() throws Exception {
    Map<String, String> inherited = new HashMap<>(System.getenv());
    inherited.putAll(options.serviceEnvironment());
    refuseIfAny(StartChecks.settings(options, inherited, Runtime.version()));
    prepareDataDir();
    ServiceJars jars = ServiceJars.find(options.home());
    endLeftovers();
    refuseIfAny(StartChecks.busyPorts(options));
    adminKey = AdminKey.resolve(inherited, options.dataDir());
    SecretKeyFile.Resolved secretKey;
    try {
      secretKey = SecretKeyFile.resolve(inherited, options.dataDir());
    } catch (InvalidSecretKeyException e) {
      throw new StartChecks.Refused(List.of(e.getMessage()));
    }

    startBroker();
    ServiceRoles.Logins logins = startDatabase();
    List<String> devices = new ArrayList<>(options.extraDevices());
    devices.addAll(startDemoFleet());
    startServices(jars, logins, secretKey, devices);

    stage(5, "Waiting for the api to answer on port " + options.apiPort());
    ServiceStarter.awaitApi(apiBaseUrl(), services, Duration.ofSeconds(150));
    if (options.demoFleet()) {
      new DemoTargetSeeder(apiBaseUrl(), adminKey.key(), out)
          .seedOnce(options.apiPort(), options.kafkaPort());
      new DemoLlmSeeder(apiBaseUrl(), adminKey.key(), out).seedOnce(demoLlm);
      // After the LLM demo: the camera's AI chain is made of its simulated endpoints.
      new DemoCameraSeeder(apiBaseUrl(), adminKey.key(), out).seedOnce(demoCamera);
    }
    Supervisor supervisor =
        new Supervisor(
            List.copyOf(services.values()),
            options.restarts(),
            Clock.systemUTC(),
            out,
            this::recordPids,
            gaveUp::complete);
    supervisor.start();
    running.push(supervisor);
  }

  private static void refuseIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new StartChecks.Refused(problems);
    }
  }

  private void prepareDataDir() throws IOException {
    Path data = options.dataDir();
    if (options.reset() && Files.exists(data)) {
      stage(0, "Deleting the data of earlier runs in " + data);
      deleteRecursively(data);
    }
    Files.createDirectories(data.resolve("logs"));
  }

  private void endLeftovers() throws IOException {
    Path data = options.dataDir();
    leftovers = new LeftoverProcesses(data, options.home());
    int ended = leftovers.endLeftovers(data.resolve("postgres"));
    if (ended > 0) {
      stage(0, "Ended " + ended + " process(es) an earlier run left behind");
    }
  }

  private void startBroker() throws Exception {
    stage(1, "Starting the Kafka broker (KRaft, single node) on " + options.kafkaBootstrap());
    broker =
        KafkaBroker.start(
            options.dataDir(),
            options.kafkaPort(),
            options.controllerPort(),
            Duration.ofSeconds(90));
    running.push(broker);
    leftovers.record(pids());
    // Every topic exists before the services start, so none of them races another to create one.
    TopicProvisioner.provisionCatalog(
        new KafkaSettings(options.kafkaBootstrap(), (short) 1),
        "argus-local-stack",
        Duration.ofSeconds(30));
  }

  private ServiceRoles.Logins startDatabase() throws Exception {
    if (options.externalDbUrl() != null) {
      stage(2, "Connecting to PostgreSQL at " + options.externalDbUrl());
      database =
          LocalDatabase.external(
              options.externalDbUrl(), options.externalDbUser(), options.externalDbPassword());
    } else {
      stage(2, "Starting PostgreSQL (embedded) on port " + options.dbPort());
      database =
          LocalDatabase.embedded(options.dataDir(), options.dbPort(), options.durableDatabase());
    }
    running.push(database);
    return database.migrateAndGrant();
  }

  /** The {@code nut://} URIs of the demo fleet's UPSes; none with {@code --no-demo}. */
  private List<String> startDemoFleet() throws IOException {
    if (!options.demoFleet()) {
      stage(3, "No demo fleet (--no-demo)");
      return List.of();
    }
    NutSimulator simulator =
        NutSimulator.start(DemoFleet.upses(), options.demoNutPort(), Clock.systemUTC());
    running.push(simulator);
    demoLlm = DemoLlmEndpoints.start(options.demoLlmPort(), DemoLlmSeeder.DEMO_API_KEY);
    running.push(demoLlm);
    demoCamera = DemoCamera.start(options.demoCameraPort(), Clock.systemUTC());
    running.push(demoCamera);
    List<String> devices = new ArrayList<>();
    for (String ups : simulator.upsNames()) {
      devices.add("nut://127.0.0.1:" + simulator.port() + "/" + ups + "?id=ups-" + ups);
    }
    stage(
        3,
        "Demo fleet: "
            + simulator.upsNames().size()
            + " simulated UPSes on NUT port "
            + simulator.port()
            + " ("
            + String.join(", ", simulator.upsNames())
            + ")");
    out.println(
        "    and simulated LLM endpoints: OpenAI-compatible at "
            + demoLlm.openAiCompatibleUrl()
            + ", Ollama at "
            + demoLlm.ollamaUrl());
    out.println("    and a simulated snapshot camera at " + demoCamera.snapshotUrl());
    return devices;
  }

  private void startServices(
      ServiceJars jars,
      ServiceRoles.Logins logins,
      SecretKeyFile.Resolved secretKey,
      List<String> devices)
      throws IOException {
    Path data = options.dataDir();
    stage(4, "Starting processor, api and collector (logs in " + data.resolve("logs") + ")");
    ServiceStarter starter = new ServiceStarter(options, database.jdbcUrl());
    started(
        starter.start(
            "processor",
            jars.processor(),
            logins.processor(),
            Map.of("ARGUS_STREAMS_STATE_DIR", data.resolve("streams").toString())));
    started(
        starter.start(
            "api",
            jars.api(),
            logins.api(),
            Map.of(
                "ARGUS_API_PORT", Integer.toString(options.apiPort()),
                "API_KEY", adminKey.key(),
                "ARGUS_SECRET_KEY", secretKey.keys())));
    started(
        starter.start(
            "collector",
            jars.collector(),
            null,
            Map.of(
                "ARGUS_SECRET_KEY",
                secretKey.keys(),
                "ARGUS_COLLECTOR_ID",
                "local-collector",
                "ARGUS_COLLECTOR_DEVICES",
                String.join(",", devices),
                "ARGUS_POLL_INTERVAL",
                options.pollInterval().toMillis() + "ms")));
    leftovers.record(pids());
  }

  private void started(ChildProcess service) {
    services.put(service.name(), service);
    running.push(service);
  }

  private void recordPids() {
    try {
      leftovers.record(pids());
    } catch (IOException e) {
      out.println("! Could not record the pids of the stack: " + e.getMessage());
    }
  }

  synchronized boolean hasRunningParts() {
    return !running.isEmpty();
  }

  /** Completes with the reason when the supervisor gives up on a service that keeps dying. */
  CompletableFuture<String> gaveUp() {
    return gaveUp;
  }

  ReadyBanner readyBanner() {
    return new ReadyBanner(options, database.jdbcUrl(), database.user(), adminKey.source());
  }

  public String apiBaseUrl() {
    return "http://127.0.0.1:" + options.apiPort();
  }

  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  public String kafkaBootstrap() {
    return broker.bootstrap();
  }

  /**
   * Stops the broker (SIGTERM) while the rest of the stack runs on: the fault harness's broker
   * outage. {@link #startBrokerAgain()} brings it back; {@link #close()} stops it either way.
   */
  public synchronized void stopBroker() {
    broker.stop();
  }

  /** Starts the broker stopped by {@link #stopBroker()} again, on the same ports and data. */
  public synchronized void startBrokerAgain() throws Exception {
    broker.startAgain(Duration.ofSeconds(90));
    leftovers.record(pids());
  }

  /** Process ids of every JVM and server the stack started, for memory measurements. */
  public Map<String, Long> pids() {
    Map<String, Long> pids = new HashMap<>();
    pids.put(LeftoverProcesses.LAUNCHER, ProcessHandle.current().pid());
    if (broker != null) {
      pids.put("kafka", broker.pid());
    }
    services.forEach((name, process) -> pids.put(name, process.pid()));
    return pids;
  }

  private void stage(int n, String message) {
    out.println(n == 0 ? "[-] " + message : "[" + n + "/" + STAGES + "] " + message);
  }

  @Override
  public synchronized void close() {
    // Stop in reverse start order: the supervisor (so a stopped service is not restarted), services
    // (they flush to the broker), broker, database.
    while (!running.isEmpty()) {
      AutoCloseable part = running.pop();
      try {
        part.close();
      } catch (Exception e) {
        out.println("! Stopping " + part + " failed: " + e.getMessage());
      }
    }
    if (leftovers != null) {
      try {
        leftovers.forget();
      } catch (IOException e) {
        out.println("! Could not remove the pid file: " + e.getMessage());
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
