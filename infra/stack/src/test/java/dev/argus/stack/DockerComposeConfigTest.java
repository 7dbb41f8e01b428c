package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is validated by the real docker-compose tool (no engine needed). */
class DockerComposeConfigTest {

  private static final Path COMPOSE_FILE = Path.of("../../docker-compose.yml").toAbsolutePath().normalize();

  @Test
  void theComposeFileIsValidAndDeclaresTheWholeDeployment() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Compose withKey =
        compose(Map.of("API_KEY", "k".repeat(40), "ARGUS_SECRET_KEY", SECRET_KEY), "config", "--services");

    assertThat(withKey.exitCode()).as(withKey.output()).isZero();
    assertThat(withKey.output().lines().toList())
        .containsExactlyInAnyOrder("kafka", "timescaledb", "processor", "api", "collector", "grafana");
  }

  @Test
  void theDeploymentRefusesToStartWithoutAnAdminKey() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Compose withoutKey = compose(Map.of("ARGUS_SECRET_KEY", SECRET_KEY), "config", "--services");

    assertThat(withoutKey.exitCode()).isNotZero();
    assertThat(withoutKey.output()).contains("set API_KEY");
  }

  @Test
  void theDeploymentRefusesToStartWithoutASecretKey() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Compose withoutKey = compose(Map.of("API_KEY", "k".repeat(40)), "config", "--services");

    assertThat(withoutKey.exitCode()).isNotZero();
    assertThat(withoutKey.output()).contains("set ARGUS_SECRET_KEY");
  }

  @Test
  void theApiAndTheCollectorGetTheSameSecretKey() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Compose config =
        compose(Map.of("API_KEY", "k".repeat(40), "ARGUS_SECRET_KEY", SECRET_KEY), "config");

    assertThat(config.exitCode()).as(config.output()).isZero();
    assertThat(config.output().split("ARGUS_SECRET_KEY: " + SECRET_KEY, -1)).hasSize(3);
  }

  private record Compose(int exitCode, String output) {}

  private static final String SECRET_KEY = "k1:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";

  private static Compose compose(Map<String, String> env, String... args) throws Exception {
    var command = new java.util.ArrayList<>(java.util.List.of("docker-compose", "-f", COMPOSE_FILE.toString()));
    command.addAll(java.util.List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("API_KEY");
    builder.environment().remove("ARGUS_SECRET_KEY");
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Compose(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
