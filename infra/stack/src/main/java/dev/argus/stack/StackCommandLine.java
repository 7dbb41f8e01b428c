package dev.argus.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's command line: the flags of {@code ./argus-start.sh} and the {@code ARGUS_*}
 * environment variables, read into {@link StackOptions}. A flag wins over a variable, a variable
 * over the default; a bad value is refused with a message that names the setting.
 */
final class StackCommandLine {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private StackCommandLine() {}

  /** Reads options from command-line flags, then environment variables, then defaults. */
  static StackOptions parse(String[] args, Map<String, String> env) {
    var flags = new ArrayList<>(List.of(args));
    if (flags.contains("--help") || flags.contains("-h")) {
      throw new UsageException(usage());
    }
    boolean reset = flags.remove("--reset");
    boolean noDemo = flags.remove("--no-demo");
    if (!flags.isEmpty()) {
      throw new UsageException("Unknown argument(s): " + String.join(" ", flags) + "\n" + usage());
    }
    Path home = Path.of(env.getOrDefault("ARGUS_HOME", findHome().toString())).toAbsolutePath();
    Path dataDir =
        Path.of(env.getOrDefault("ARGUS_DATA_DIR", home.resolve(".argus").toString()))
            .toAbsolutePath();
    List<String> devices =
        env.getOrDefault("ARGUS_COLLECTOR_DEVICES", "").isBlank()
            ? List.of()
            : List.of(env.get("ARGUS_COLLECTOR_DEVICES").split(","));
    StackOptions defaults = StackOptions.builder(home, dataDir).build();
    return defaults.toBuilder()
        .reset(reset)
        .apiPort(port(env, "ARGUS_API_PORT", defaults.apiPort()))
        .kafkaPort(port(env, "ARGUS_KAFKA_PORT", defaults.kafkaPort()))
        .controllerPort(port(env, "ARGUS_KAFKA_CONTROLLER_PORT", defaults.controllerPort()))
        .dbPort(port(env, "ARGUS_DB_PORT", defaults.dbPort()))
        .externalDatabase(
            blankToNull(env.get("ARGUS_DB_URL")),
            env.getOrDefault("ARGUS_DB_USER", defaults.externalDbUser()),
            env.getOrDefault("ARGUS_DB_PASSWORD", defaults.externalDbPassword()))
        .demoFleet(
            !noDemo && !"false".equalsIgnoreCase(env.getOrDefault("ARGUS_DEMO_FLEET", "true")))
        .demoNutPort(port(env, "ARGUS_DEMO_NUT_PORT", defaults.demoNutPort()))
        .demoLlmPort(port(env, "ARGUS_DEMO_LLM_PORT", defaults.demoLlmPort()))
        .demoCameraPort(port(env, "ARGUS_DEMO_CAMERA_PORT", defaults.demoCameraPort()))
        .processorMetricsPort(
            port(env, "ARGUS_PROCESSOR_METRICS_PORT", defaults.processorMetricsPort()))
        .collectorMetricsPort(
            port(env, "ARGUS_COLLECTOR_METRICS_PORT", defaults.collectorMetricsPort()))
        .extraDevices(devices)
        .pollInterval(pollInterval(env, defaults.pollInterval()))
        .restarts(restarts(env, defaults.restarts()))
        .build();
  }

  private static RestartPolicy restarts(Map<String, String> env, RestartPolicy defaults) {
    String limit = env.getOrDefault("ARGUS_RESTART_LIMIT", "");
    int restarts;
    try {
      restarts = limit.isBlank() ? defaults.limit() : Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      restarts = -1;
    }
    if (restarts < 0) {
      throw new UsageException(
          "ARGUS_RESTART_LIMIT must be a whole number, 0 or more (0: stop at"
              + " the first crash), not '"
              + limit
              + "'");
    }
    Duration window = duration(env, "ARGUS_RESTART_WINDOW", defaults.window());
    if (!window.isPositive()) {
      throw new UsageException("ARGUS_RESTART_WINDOW must be longer than 0, e.g. 5m");
    }
    Duration maxDelay = duration(env, "ARGUS_RESTART_MAX_DELAY", defaults.maxDelay());
    if (maxDelay.compareTo(defaults.firstDelay()) < 0) {
      throw new UsageException(
          "ARGUS_RESTART_MAX_DELAY must be at least "
              + defaults.firstDelay().toSeconds()
              + "s, not "
              + env.get("ARGUS_RESTART_MAX_DELAY"));
    }
    return new RestartPolicy(restarts, window, defaults.firstDelay(), maxDelay);
  }

  /** The collector polls at least every second; shorter would be refused by it at start-up. */
  private static Duration pollInterval(Map<String, String> env, Duration fallback) {
    Duration interval = duration(env, "ARGUS_POLL_INTERVAL", fallback);
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new UsageException(
          "ARGUS_POLL_INTERVAL must be at least 1s, not " + env.get("ARGUS_POLL_INTERVAL"));
    }
    return interval;
  }

  static String usage() {
    return """
    Usage: ./argus-start.sh [--reset] [--no-demo]
      --reset     delete the data of earlier runs (broker log, database) before starting
      --no-demo   do not start the demo (simulated NUT fleet, uptime targets, LLM endpoints, camera)
    Environment: ARGUS_API_PORT (8000), ARGUS_KAFKA_PORT (9092), ARGUS_DB_PORT (5433),
      ARGUS_DB_URL/ARGUS_DB_USER/ARGUS_DB_PASSWORD (use an existing PostgreSQL),
      ARGUS_DATA_DIR (<project>/.argus), ARGUS_POLL_INTERVAL (5s),
      ARGUS_DEMO_NUT_PORT (13493), ARGUS_DEMO_LLM_PORT (18300; the simulated Ollama on +1),
      ARGUS_DEMO_CAMERA_PORT (18310), ARGUS_PROCESSOR_METRICS_PORT (9464),
      ARGUS_COLLECTOR_METRICS_PORT (9465),
      ARGUS_COLLECTOR_DEVICES (more devices: nut://[user[:pass]@]host[:port][/ups][?id=..]),
      ARGUS_RESTART_LIMIT (5 restarts of a crashed service within ARGUS_RESTART_WINDOW (5m),
      then stop; 0: stop at the first crash), ARGUS_RESTART_MAX_DELAY (30s)\
    """;
  }

  private static Path findHome() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("collector")) && Files.isDirectory(p.resolve("infra"))) {
        return p;
      }
    }
    return dir;
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException(
          name + " must be a port number between 1 and 65535, not '" + value + "'");
    }
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      throw new UsageException(name + " must look like 1500ms, 5s, 5m or 1h, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A bad flag or setting: the launcher prints the message and exits with status 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
