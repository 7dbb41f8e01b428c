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
import java.util.concurrent.ConcurrentHashMap;

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
  // More instances of a service beside the supervised ones (the fault harness's scale-out); the
  // harness kills and restarts them itself, so the supervisor does not watch them.
  private final Map<String, ChildProcess> instances = new ConcurrentHashMap<>();
  private ServiceJars jars;
  private ServiceRoles.Logins logins;
  private SecretKeyFile.Resolved secretKey;
  private List<String> devices = List.of();
  private LocalDatabase database;
  private KafkaBroker broker;
  private LeftoverProcesses leftovers;
  private AdminKey.Resolved adminKey;
  private boolean adminPasswordFromEnvironment;
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
    jars = ServiceJars.find(options.home());
    endLeftovers();
    refuseIfAny(StartChecks.busyPorts(options));
    adminKey = AdminKey.resolve(inherited, options.dataDir());
    adminPasswordFromEnvironment = !inherited.getOrDefault("ARGUS_ADMIN_PASSWORD", "").isEmpty();
    try {
      secretKey = SecretKeyFile.resolve(inherited, options.dataDir());
    } catch (InvalidSecretKeyException e) {
      throw new StartChecks.Refused(List.of(e.getMessage()));
    }

    startBroker();
    logins = startDatabase();
    List<String> allDevices = new ArrayList<>(options.extraDevices());
    allDevices.addAll(startDemoFleet());
    devices = List.copyOf(allDevices);
    startServices();

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

  private void startServices() throws IOException {
    Path data = options.dataDir();
    stage(4, "Starting processor, api and collector (logs in " + data.resolve("logs") + ")");
    for (String service : List.of("processor", "api", "collector")) {
      started(startService(service, service, Map.of()));
    }
    leftovers.record(pids());
  }

  /**
   * Starts a JVM of {@code service} (processor, api or collector) named {@code name}, with the
   * settings the stack gives that service and {@code overrides} over them.
   */
  private ChildProcess startService(String service, String name, Map<String, String> overrides)
      throws IOException {
    ServiceStarter starter = new ServiceStarter(options, database.jdbcUrl());
    Map<String, String> specific = new HashMap<>(serviceSettings(service, name));
    specific.putAll(overrides);
    return switch (service) {
      case "processor" -> starter.start(name, jars.processor(), logins.processor(), specific);
      case "api" -> starter.start(name, jars.api(), logins.api(), specific);
      case "collector" -> starter.start(name, jars.collector(), null, specific);
      default -> throw new IllegalArgumentException("No service " + service);
    };
  }

  private Map<String, String> serviceSettings(String service, String name) {
    Path data = options.dataDir();
    return switch (service) {
      case "processor" ->
          // Each instance its own state directory: Kafka Streams locks it.
          Map.of(
              "ARGUS_STREAMS_STATE_DIR",
              data.resolve(name.equals("processor") ? "streams" : "streams-" + name).toString());
      case "api" ->
          Map.of(
              "ARGUS_API_PORT", Integer.toString(options.apiPort()),
              "API_KEY", adminKey.key(),
              "ARGUS_SECRET_KEY", secretKey.keys(),
              // Where the api writes the first admin's random password (ReadyBanner says so).
              "ARGUS_ADMIN_PASSWORD_FILE", ReadyBanner.adminPasswordFile(data).toString());
      case "collector" ->
          Map.of(
              "ARGUS_SECRET_KEY",
              secretKey.keys(),
              "ARGUS_COLLECTOR_ID",
              name.equals("collector") ? "local-collector" : name,
              "ARGUS_COLLECTOR_DEVICES",
              String.join(",", devices),
              "ARGUS_POLL_INTERVAL",
              options.pollInterval().toMillis() + "ms");
      default -> throw new IllegalArgumentException("No service " + service);
    };
  }

  /**
   * Starts one more instance of a service beside the stack's own (the fault harness's scale-out:
   * three processors of one application id, a second api, a second collector). It gets the settings
   * the stack gives that service — a processor its own state directory, a collector {@code name} as
   * its id — with {@code overrides} over them (an api needs its own {@code ARGUS_API_PORT}). The
   * supervisor does not watch it; {@link #stopInstance}, {@link #restartInstance} and {@link
   * #close()} do.
   */
  public synchronized void startInstance(String service, String name, Map<String, String> overrides)
      throws IOException {
    if (services.containsKey(name) || instances.containsKey(name)) {
      throw new IllegalArgumentException("An instance named " + name + " exists already");
    }
    ChildProcess instance = startService(service, name, overrides);
    instances.put(name, instance);
    running.push(instance);
    leftovers.record(pids());
  }

  /** Stops an instance of {@link #startInstance}: SIGTERM, SIGKILL after {@code grace}. */
  public synchronized void stopInstance(String name, Duration grace) {
    instance(name).stop(grace);
  }

  /** Starts a stopped (or killed) instance of {@link #startInstance} again, same settings. */
  public synchronized void restartInstance(String name) throws IOException {
    instance(name).restart();
    leftovers.record(pids());
  }

  /** The log file of a service or of an instance of {@link #startInstance}. */
  public synchronized Path logFile(String name) {
    ChildProcess process = services.containsKey(name) ? services.get(name) : instance(name);
    return process.logFile();
  }

  private ChildProcess instance(String name) {
    ChildProcess instance = instances.get(name);
    if (instance == null) {
      throw new IllegalArgumentException("No instance named " + name);
    }
    return instance;
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
    return new ReadyBanner(
        options,
        database.jdbcUrl(),
        database.user(),
        adminKey.source(),
        adminPasswordFromEnvironment);
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

  /**
   * Stops the embedded PostgreSQL server (a fast shutdown) while the rest of the stack runs on: the
   * fault harness's database outage. {@link #startDatabaseAgain()} brings it back.
   */
  public synchronized void stopDatabase() throws IOException {
    database.stop();
  }

  /** Starts the server stopped by {@link #stopDatabase()} again, on the same port and data. */
  public synchronized void startDatabaseAgain() throws IOException {
    database.startAgain();
  }

  /** Process ids of every JVM and server the stack started, for memory measurements. */
  public Map<String, Long> pids() {
    Map<String, Long> pids = new HashMap<>();
    pids.put(LeftoverProcesses.LAUNCHER, ProcessHandle.current().pid());
    if (broker != null) {
      pids.put("kafka", broker.pid());
    }
    services.forEach((name, process) -> pids.put(name, process.pid()));
    instances.forEach((name, process) -> pids.put(name, process.pid()));
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
