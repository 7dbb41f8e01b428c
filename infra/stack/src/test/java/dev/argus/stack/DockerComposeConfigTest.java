package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is validated by the real docker-compose tool (no engine needed). */
class DockerComposeConfigTest {

  private static final Path COMPOSE_FILE = Path.of("../../docker-compose.yml").toAbsolutePath().normalize();

  @Test
  void theComposeFileIsValidAndDeclaresTheWholeDeployment() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Process check = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "--services")
        .redirectErrorStream(true).start();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output.lines().toList())
        .containsExactlyInAnyOrder("kafka", "timescaledb", "processor", "api", "collector", "grafana");
  }
}
