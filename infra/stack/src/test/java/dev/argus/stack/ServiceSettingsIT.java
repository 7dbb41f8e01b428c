package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The services' executable jars, started with a key they refuse and nothing else running: the
 * reason is the first line they print, as {@code docker compose logs} shows it, and the launcher
 * reads the same reason from it.
 */
class ServiceSettingsIT {

  private static final Path HOME = Path.of("../..").toAbsolutePath();

  private record Run(int exitCode, List<String> lines, String output) {}

  @Test
  void theApiSaysFirstThatItsBootstrapKeyIsTooShort() throws Exception {
    Run api =
        run(
            "api",
            Map.of(
                "API_KEY", "short-key", "ARGUS_API_PORT", Integer.toString(StackApi.freePort())));

    assertThat(api.exitCode()).isNotZero();
    assertThat(api.lines().getFirst())
        .isEqualTo(
            "argus-api cannot start: API_KEY must be at least 32"
                + " characters long (it has 9); generate one with: openssl rand -hex 32");
    assertThat(StartupFailure.in(api.output()))
        .contains(
            new StartupFailure(
                "API_KEY must be at least 32 characters long (it has 9); generate one with: openssl"
                    + " rand -hex 32",
                true));
  }

  @Test
  void theApiAndTheCollectorSayFirstThatTheSecretKeyIsNotAKey() throws Exception {
    String halfAKey = "c2l4dGVlbiBieXRlcyBrZQ=="; // 16 bytes: a 128-bit key
    for (String service : List.of("api", "collector")) {
      Run run =
          run(
              service,
              Map.of(
                  "ARGUS_SECRET_KEY",
                  halfAKey,
                  "API_KEY",
                  "k".repeat(32),
                  "ARGUS_API_PORT",
                  Integer.toString(StackApi.freePort())));

      assertThat(run.exitCode()).as(service).isNotZero();
      assertThat(run.lines().getFirst())
          .as(service)
          .isEqualTo(
              "argus-"
                  + service
                  + " cannot start: argus.secrets.keys (ARGUS_SECRET_KEY) entry 1 of 1 is a 128-bit"
                  + " key; a 256-bit key (32 bytes) is required, make one with: openssl rand"
                  + " -base64 32");
    }
  }

  private static Path jar(String service) {
    assertThat(ServiceJars.missing(HOME)).as("built service jars").isEmpty();
    ServiceJars jars = ServiceJars.find(HOME);
    return switch (service) {
      case "api" -> jars.api();
      case "collector" -> jars.collector();
      default -> throw new IllegalArgumentException("no settings test for the " + service);
    };
  }

  private static Run run(String service, Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                jar(service).toString())
            .redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("ARGUS_") || name.equals("API_KEY"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.isAlive())
        .as("the " + service + " stopped by itself; it printed:\n" + output)
        .isFalse();
    return new Run(process.exitValue(), output.lines().toList(), output);
  }
}
