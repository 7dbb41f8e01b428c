package dev.argus.stack;

import dev.argus.contract.TopicProvisioner;
import dev.argus.contract.Topics;
import dev.argus.contract.schema.ServiceRoles;
import dev.argus.contract.secrets.InvalidSecretKeyException;
import dev.argus.stack.demo.DemoFleet;
import dev.argus.stack.demo.DemoTargets;
import dev.argus.stack.demo.NutSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole of Argus on one machine without Docker: a KRaft broker, PostgreSQL, the processor, the
 * api and the collector (each in its own JVM, as in a real deployment), and a simulated fleet of
 * UPSes that speak the NUT protocol. Started by {@code ./argus-start.sh}; also used by the
 * end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

  private static final int STAGES = 5;

  private final StackOptions options;
  private final PrintStream out;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Map<String, ChildProcess> services = new HashMap<>();
  private LocalDatabase database;
  private KafkaBroker broker;
  private NutSimulator simulator;
  private LeftoverProcesses leftovers;
  private AdminKey.Resolved adminKey;
  private ServiceRoles.Logins logins;
  private final CompletableFuture<String> gaveUp = new CompletableFuture<>();

  private LocalStack(StackOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    StackOptions options;
    try {
      options = StackOptions.parse(args, System.getenv());
    } catch (StackOptions.UsageException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Instant started = Instant.now();
    LocalStack stack = new LocalStack(options, System.out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (stack.hasRunningParts()) {
                    System.out.println("\nStopping Argus...");
                    stack.close();
                    System.out.println("Stopped.");
                  }
                },
                "argus-stop"));
    try {
      stack.start();
    } catch (StartChecks.Refused e) {
      e.problems().forEach(problem -> System.err.println("Argus cannot start: " + problem));
      System.exit(2);
      return;
    } catch (Exception e) {
      System.err.println("\nArgus could not start: " + e.getMessage());
      System.err.println("Logs are in " + options.dataDir().resolve("logs"));
      System.exit(1);
      return;
    }
    stack.printReady(Duration.between(started, Instant.now()));
    try {
      System.out.println("! " + stack.gaveUp.get() + ". Stopping.");
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
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

  private void start() throws Exception {
    Map<String, String> inherited = new HashMap<>(System.getenv());
    inherited.putAll(options.serviceEnvironment());
    List<String> refused = StartChecks.settings(options, inherited, Runtime.version());
    if (!refused.isEmpty()) {
      throw new StartChecks.Refused(refused);
    }
    Path data = options.dataDir();
    if (options.reset() && Files.exists(data)) {
      stage(0, "Deleting the data of earlier runs in " + data);
      deleteRecursively(data);
    }
    Files.createDirectories(data.resolve("logs"));
    Map<String, Path> jars = StartChecks.serviceJars(options.home());
    leftovers = new LeftoverProcesses(data, options.home());
    int ended = leftovers.endLeftovers(data.resolve("postgres"));
    if (ended > 0) {
      stage(0, "Ended " + ended + " process(es) an earlier run left behind");
    }
    refused = StartChecks.busyPorts(options);
    if (!refused.isEmpty()) {
      throw new StartChecks.Refused(refused);
    }
    adminKey = AdminKey.resolve(inherited, data);
    SecretKeyFile.Resolved secretKey;
    try {
      secretKey = SecretKeyFile.resolve(inherited, data);
    } catch (InvalidSecretKeyException e) {
      throw new StartChecks.Refused(List.of(e.getMessage()));
    }

    stage(1, "Starting the Kafka broker (KRaft, single node) on " + options.kafkaBootstrap());
    broker =
        KafkaBroker.start(
            data, options.kafkaPort(), options.controllerPort(), Duration.ofSeconds(90));
    running.push(broker);
    leftovers.record(pids());
    try (Admin admin = admin()) {
      new TopicProvisioner(admin, (short) 1).ensure(Topics.all());
    }

    if (options.externalDbUrl() != null) {
      stage(2, "Connecting to PostgreSQL at " + options.externalDbUrl());
      database =
          LocalDatabase.external(
              options.externalDbUrl(), options.externalDbUser(), options.externalDbPassword());
    } else {
      stage(2, "Starting PostgreSQL (embedded) on port " + options.dbPort());
      database = LocalDatabase.embedded(data, options.dbPort(), options.durableDatabase());
    }
    running.push(database);
    logins = database.migrateAndGrant();

    List<String> devices = new ArrayList<>(options.extraDevices());
    if (options.demoFleet()) {
      simulator = NutSimulator.start(DemoFleet.upses(), options.demoNutPort(), Clock.systemUTC());
      running.push(simulator);
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
    } else {
      stage(3, "No demo fleet (--no-demo)");
    }

    stage(4, "Starting processor, api and collector (logs in " + data.resolve("logs") + ")");
    startService(
        "processor",
        jars.get("processor"),
        logins.processor(),
        Map.of("ARGUS_STREAMS_STATE_DIR", data.resolve("streams").toString()));
    startService(
        "api",
        jars.get("api"),
        logins.api(),
        Map.of(
            "ARGUS_API_PORT", Integer.toString(options.apiPort()),
            "API_KEY", adminKey.key(),
            "ARGUS_SECRET_KEY", secretKey.keys()));
    startService(
        "collector",
        jars.get("collector"),
        null,
        Map.of(
            "ARGUS_SECRET_KEY",
            secretKey.keys(),
            "ARGUS_COLLECTOR_ID",
            "local-collector",
            "ARGUS_COLLECTOR_DEVICES",
            String.join(",", devices),
            "ARGUS_POLL_INTERVAL",
            options.pollInterval().toMillis() + "ms"));

    leftovers.record(pids());
    stage(5, "Waiting for the api to answer on port " + options.apiPort());
    awaitApi(Duration.ofSeconds(150));
    if (options.demoFleet()) {
      createDemoTargets();
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

  private void recordPids() {
    try {
      leftovers.record(pids());
    } catch (IOException e) {
      out.println("! Could not record the pids of the stack: " + e.getMessage());
    }
  }

  /** Creates the demo's uptime targets through the api, once: a stack with targets keeps them. */
  private void createDemoTargets() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> existing =
        http.send(
            apiRequest("/api/v1/targets?page_size=1").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (existing.statusCode() != 200 || !existing.body().contains("\"total\":0")) {
      return;
    }
    int deadPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = probe.getLocalPort();
    }
    for (String body : DemoTargets.bodies(options.apiPort(), options.kafkaPort(), deadPort)) {
      HttpResponse<String> created =
          http.send(
              apiRequest("/api/v1/targets")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        out.println(
            "! Could not create a demo target (" + created.statusCode() + "): " + created.body());
        return;
      }
    }
  }

  private HttpRequest.Builder apiRequest(String path) {
    return HttpRequest.newBuilder(URI.create(apiBaseUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .header("X-Api-Key", adminKey.key());
  }

  synchronized boolean hasRunningParts() {
    return !running.isEmpty();
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

  /**
   * @param login the service's own database role; null for a service that uses no database
   */
  private void startService(
      String name, Path jar, ServiceRoles.Login login, Map<String, String> specific)
      throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("ARGUS_KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrap());
    env.put("ARGUS_KAFKA_REPLICATION_FACTOR", "1");
    if (login != null) {
      env.put("ARGUS_DB_URL", database.jdbcUrl());
      env.put("ARGUS_DB_USER", login.name());
      env.put("ARGUS_DB_PASSWORD", login.password());
    }
    env.putAll(options.serviceEnvironment());
    env.putAll(specific);
    ChildProcess process =
        ChildProcess.startJava(
            name,
            List.of(
                "-Xms64m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dspring.main.banner-mode=off"),
            List.of("-jar", jar.toString()),
            env,
            options.dataDir().resolve("logs").resolve(name + ".log"));
    services.put(name, process);
    running.push(process);
  }

  private void awaitApi(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/api/health"))
            .timeout(Duration.ofSeconds(3))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (ChildProcess service : services.values()) {
        if (!service.isAlive()) {
          throw new IllegalStateException(startupFailure(service));
        }
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "The api did not answer /api/health within "
            + timeout
            + "; see "
            + services.get("api").logFile());
  }

  /**
   * A service that stopped while the stack started, in the service's own words when it has them.
   */
  static String startupFailure(ChildProcess service) {
    return service
        .failure()
        .map(
            failure ->
                "the "
                    + service.name()
                    + (failure.refusedSetting()
                        ? " refused its settings: "
                        : " stopped during start-up (" + service.exitDescription() + "): ")
                    + failure.reason()
                    + " (full log: "
                    + service.logFile()
                    + ")")
        .orElse(
            "The "
                + service.name()
                + " service "
                + service.exitDescription()
                + "; see "
                + service.logFile());
  }

  private void printReady(Duration took) {
    String api = "http://localhost:" + options.apiPort();
    out.printf(
        """

        Argus is up (%d s).
          API              %s/api
          OpenAPI          %s/docs   (spec: %s/openapi.json)
          Kafka bootstrap  %s
          JDBC URL         %s   (user %s)
          Logs             %s
        Try:
          curl %s/api/health
          curl %s/api/devices
          curl '%s/api/snapshots/latest?device_id=ups-office'
          curl %s/api/events        (events appear within a few minutes)
          curl -H "x-api-key: %s" %s/api/v1/alert-status
        Admin API key (X-Api-Key, for writes and /api/v1): from %s
        Press Ctrl-C to stop.
        """,
        took.toSeconds(),
        api,
        api,
        api,
        options.kafkaBootstrap(),
        database.jdbcUrl().replaceFirst("\\?user=[^&]*$", ""),
        database.user(),
        options.dataDir().resolve("logs"),
        api,
        api,
        api,
        api,
        adminKey.source().equals("API_KEY")
            ? "$API_KEY"
            : "$(cat " + options.dataDir().resolve("api-key") + ")",
        api,
        adminKey.source());
  }

  private void stage(int n, String message) {
    out.println(n == 0 ? "[-] " + message : "[" + n + "/" + STAGES + "] " + message);
  }

  private Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrap());
    return Admin.create(props);
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
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
