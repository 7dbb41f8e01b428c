package dev.argus.stack;

import dev.argus.contract.schema.ServiceRoles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a service as a JVM of its own from its executable jar, with the settings every service of
 * the stack shares (the broker, its database login, the options' extra environment) under its own,
 * and tells when the api answers or why a service stopped on the way.
 */
final class ServiceStarter {

  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx384m",
          "-XX:+UseSerialGC",
          "-XX:+ExitOnOutOfMemoryError",
          "-Dspring.main.banner-mode=off");

  private final StackOptions options;
  private final String jdbcUrl;

  ServiceStarter(StackOptions options, String jdbcUrl) {
    this.options = options;
    this.jdbcUrl = jdbcUrl;
  }

  /**
   * @param login the service's own database role; null for a service that uses no database
   * @param specific the service's own settings; they win over the shared ones
   */
  ChildProcess start(String name, Path jar, ServiceRoles.Login login, Map<String, String> specific)
      throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("ARGUS_KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrap());
    env.put("ARGUS_KAFKA_REPLICATION_FACTOR", "1");
    if (login != null) {
      env.put("ARGUS_DB_URL", jdbcUrl);
      env.put("ARGUS_DB_USER", login.name());
      env.put("ARGUS_DB_PASSWORD", login.password());
    }
    env.putAll(options.serviceEnvironment());
    env.putAll(specific);
    return ChildProcess.startJava(
        name,
        JVM_OPTIONS,
        List.of("-jar", jar.toString()),
        env,
        options.dataDir().resolve("logs").resolve(name + ".log"));
  }

  /**
   * Waits until the api answers {@code /api/health}; fails at once, with the reason, when any
   * service stops meanwhile.
   */
  static void awaitApi(String apiBaseUrl, Map<String, ChildProcess> services, Duration timeout)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(apiBaseUrl + "/api/health"))
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
}
