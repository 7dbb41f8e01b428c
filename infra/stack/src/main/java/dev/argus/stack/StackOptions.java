package dev.argus.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the local stack is laid out: ports, where its data lives, which devices to poll. The launcher
 * reads it from its command line ({@link StackCommandLine}); tests and the benchmark build it by
 * name with {@link #builder}.
 *
 * @param home the project checkout (holds the services' built jars)
 * @param dataDir broker log, PostgreSQL cluster and service logs; kept between runs
 * @param reset wipe {@code dataDir} before starting
 * @param externalDbUrl use this PostgreSQL instead of the embedded one (ARGUS_DB_URL)
 * @param demoFleet start the simulated NUT fleet and poll it
 * @param extraDevices more NUT devices for the collector, as {@code nut://} URIs
 * @param pollInterval how often the collector polls (short for demos and tests)
 * @param durableDatabase the embedded PostgreSQL syncs every commit to disk; only tests, which
 *     start from empty data, turn this off for speed
 * @param restarts when a service that died is started again, and when the stack gives up
 * @param processorMetricsPort where the processor serves {@code GET /metrics} (on loopback)
 * @param collectorMetricsPort where the collector serves {@code GET /metrics} (on loopback)
 */
public record StackOptions(
    Path home,
    Path dataDir,
    boolean reset,
    int apiPort,
    int kafkaPort,
    int controllerPort,
    int dbPort,
    String externalDbUrl,
    String externalDbUser,
    String externalDbPassword,
    boolean demoFleet,
    int demoNutPort,
    int demoLlmPort,
    int demoCameraPort,
    List<String> extraDevices,
    Duration pollInterval,
    Map<String, String> serviceEnvironment,
    boolean durableDatabase,
    RestartPolicy restarts,
    int processorMetricsPort,
    int collectorMetricsPort) {

  public StackOptions {
    extraDevices = List.copyOf(extraDevices);
    serviceEnvironment = Map.copyOf(serviceEnvironment);
  }

  public String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  /**
   * A stack of the checkout {@code home} keeping its data in {@code dataDir}, with the defaults.
   */
  public static Builder builder(Path home, Path dataDir) {
    return new Builder(home, dataDir);
  }

  /** These options, to change some of them by name. */
  public Builder toBuilder() {
    return new Builder(home, dataDir)
        .reset(reset)
        .apiPort(apiPort)
        .kafkaPort(kafkaPort)
        .controllerPort(controllerPort)
        .dbPort(dbPort)
        .externalDatabase(externalDbUrl, externalDbUser, externalDbPassword)
        .demoFleet(demoFleet)
        .demoNutPort(demoNutPort)
        .demoLlmPort(demoLlmPort)
        .demoCameraPort(demoCameraPort)
        .extraDevices(extraDevices)
        .pollInterval(pollInterval)
        .serviceEnvironment(serviceEnvironment)
        .durableDatabase(durableDatabase)
        .restarts(restarts)
        .processorMetricsPort(processorMetricsPort)
        .collectorMetricsPort(collectorMetricsPort);
  }

  /**
   * Options by name. Starts from the launcher's defaults, the ones {@code ./argus-start.sh --help}
   * lists: a fresh checkout's stack on its usual ports, with the demo fleet, polling every 5 s.
   */
  public static final class Builder {

    private final Path home;
    private final Path dataDir;
    private boolean reset;
    private int apiPort = 8000;
    private int kafkaPort = 9092;
    private int controllerPort = 9093;
    private int dbPort = 5433;
    private String externalDbUrl;
    private String externalDbUser = "postgres";
    private String externalDbPassword = "";
    private boolean demoFleet = true;
    private int demoNutPort = 13493;
    // The simulated OpenAI-compatible endpoint; the simulated Ollama one listens on the next port.
    private int demoLlmPort = 18300;
    private int demoCameraPort = 18310;
    private List<String> extraDevices = List.of();
    private Duration pollInterval = Duration.ofSeconds(5);
    private Map<String, String> serviceEnvironment = Map.of();
    private boolean durableDatabase = true;
    private RestartPolicy restarts = RestartPolicy.DEFAULT;
    // The ports Prometheus' own exporters conventionally take (9464 is OpenTelemetry's).
    private int processorMetricsPort = 9464;
    private int collectorMetricsPort = 9465;

    private Builder(Path home, Path dataDir) {
      this.home = home;
      this.dataDir = dataDir;
    }

    public Builder reset(boolean reset) {
      this.reset = reset;
      return this;
    }

    public Builder apiPort(int port) {
      this.apiPort = port;
      return this;
    }

    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /** The port of the embedded PostgreSQL; unused with an external database. */
    public Builder dbPort(int port) {
      this.dbPort = port;
      return this;
    }

    /** Use this PostgreSQL instead of the embedded one; a null {@code url} keeps the embedded. */
    public Builder externalDatabase(String url, String user, String password) {
      this.externalDbUrl = url;
      this.externalDbUser = user;
      this.externalDbPassword = password;
      return this;
    }

    public Builder demoFleet(boolean demoFleet) {
      this.demoFleet = demoFleet;
      return this;
    }

    public Builder demoNutPort(int port) {
      this.demoNutPort = port;
      return this;
    }

    /** The simulated OpenAI-compatible LLM endpoint's port; the simulated Ollama's is the next. */
    public Builder demoLlmPort(int port) {
      this.demoLlmPort = port;
      return this;
    }

    public Builder demoCameraPort(int port) {
      this.demoCameraPort = port;
      return this;
    }

    public Builder extraDevices(List<String> nutUris) {
      this.extraDevices = nutUris;
      return this;
    }

    public Builder pollInterval(Duration interval) {
      this.pollInterval = interval;
      return this;
    }

    /** Settings every service gets on top of those the stack sets. */
    public Builder serviceEnvironment(Map<String, String> environment) {
      this.serviceEnvironment = environment;
      return this;
    }

    public Builder durableDatabase(boolean durable) {
      this.durableDatabase = durable;
      return this;
    }

    public Builder restarts(RestartPolicy restarts) {
      this.restarts = restarts;
      return this;
    }

    public Builder processorMetricsPort(int port) {
      this.processorMetricsPort = port;
      return this;
    }

    public Builder collectorMetricsPort(int port) {
      this.collectorMetricsPort = port;
      return this;
    }

    public StackOptions build() {
      return new StackOptions(
          home,
          dataDir,
          reset,
          apiPort,
          kafkaPort,
          controllerPort,
          dbPort,
          externalDbUrl,
          externalDbUser,
          externalDbPassword,
          demoFleet,
          demoNutPort,
          demoLlmPort,
          demoCameraPort,
          extraDevices,
          pollInterval,
          serviceEnvironment,
          durableDatabase,
          restarts,
          processorMetricsPort,
          collectorMetricsPort);
    }
  }
}
