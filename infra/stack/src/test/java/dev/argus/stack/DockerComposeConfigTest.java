package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is validated by the real docker-compose tool (no engine needed). */
class DockerComposeConfigTest {

  /** What an operator must set before the deployment starts. */
  private static final java.util.Map<String, String> REQUIRED_SETTINGS =
      java.util.Map.of(
          "API_KEY", "k".repeat(40),
          "ARGUS_API_DB_PASSWORD", "api-db-password",
          "ARGUS_PROCESSOR_DB_PASSWORD", "processor-db-password",
          "ARGUS_READER_DB_PASSWORD", "reader-db-password",
          "ARGUS_SECRET_KEY", "k1:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=");

  private static final Path COMPOSE_FILE =
      Path.of("../../docker-compose.yml").toAbsolutePath().normalize();
  private static final Path SCALE_FILE =
      Path.of("../../docker-compose.scale.yml").toAbsolutePath().normalize();

  @Test
  void theComposeFileIsValidAndDeclaresTheWholeDeployment() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Compose withKey = compose(REQUIRED_SETTINGS, "config", "--services");

    assertThat(withKey.exitCode()).as(withKey.output()).isZero();
    assertThat(withKey.output().lines().toList())
        .containsExactlyInAnyOrder(
            "kafka",
            "timescaledb",
            "migrate",
            "processor",
            "api",
            "collector",
            "grafana",
            "prometheus");
  }

  @Test
  void eachServiceLogsInToTheDatabaseWithItsOwnRole() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Compose config = compose(REQUIRED_SETTINGS, "config");

    assertThat(config.exitCode()).as(config.output()).isZero();
    assertThat(service(config.output(), "api"))
        .contains("ARGUS_DB_USER: argus_api")
        .contains("ARGUS_DB_PASSWORD: api-db-password")
        .containsPattern("migrate:\\s+condition: service_completed_successfully");
    assertThat(service(config.output(), "processor"))
        .contains("ARGUS_DB_USER: argus_processor")
        .contains("ARGUS_DB_PASSWORD: processor-db-password");
    assertThat(service(config.output(), "collector")).doesNotContain("ARGUS_DB_");
    assertThat(service(config.output(), "migrate"))
        .contains("ARGUS_DB_USER: argus")
        .contains("ARGUS_API_DB_PASSWORD: api-db-password")
        .contains("- migrate");
  }

  /** One service's block of {@code docker-compose config}'s YAML (services sit at two spaces). */
  private static String service(String config, String name) {
    var block =
        java.util.regex.Pattern.compile("(?ms)^  " + name + ":\\n(.*?)(?=^  \\S|^\\S|\\z)")
            .matcher(config);
    assertThat(block.find()).as("service " + name + " in:\n" + config).isTrue();
    return block.group(1);
  }

  @Test
  void theDeploymentRefusesToStartWithoutTheServicesDatabasePasswords() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");
    var settings = new java.util.HashMap<>(REQUIRED_SETTINGS);
    settings.remove("ARGUS_PROCESSOR_DB_PASSWORD");

    Compose without = compose(settings, "config", "--services");

    assertThat(without.exitCode()).isNotZero();
    assertThat(without.output()).contains("set ARGUS_PROCESSOR_DB_PASSWORD");
  }

  @Test
  void theDeploymentRefusesToStartWithoutAnAdminKey() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    var settings = new java.util.HashMap<>(REQUIRED_SETTINGS);
    settings.remove("API_KEY");

    Compose withoutKey = compose(settings, "config", "--services");

    assertThat(withoutKey.exitCode()).isNotZero();
    assertThat(withoutKey.output()).contains("set API_KEY");
  }

  @Test
  void theDeploymentRefusesToStartWithoutASecretKey() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");
    var settings = new java.util.HashMap<>(REQUIRED_SETTINGS);
    settings.remove("ARGUS_SECRET_KEY");

    Compose withoutKey = compose(settings, "config", "--services");

    assertThat(withoutKey.exitCode()).isNotZero();
    assertThat(withoutKey.output()).contains("set ARGUS_SECRET_KEY");
  }

  @Test
  void theApiAndTheCollectorGetTheSameSecretKey() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");

    Compose config = compose(REQUIRED_SETTINGS, "config");

    assertThat(config.exitCode()).as(config.output()).isZero();
    assertThat(
            config
                .output()
                .split("ARGUS_SECRET_KEY: " + REQUIRED_SETTINGS.get("ARGUS_SECRET_KEY"), -1))
        .hasSize(3);
  }

  @Test
  void theScaleOutFileRunsThreeProcessorsOfTheirOwnStateTwoApisAndASecondSite() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/docker-compose")),
        "docker-compose is not installed (argus-test.sh installs it)");
    var settings = new java.util.HashMap<>(REQUIRED_SETTINGS);
    settings.put("ARGUS_API_PORTS", "8000-8001");

    Compose config = compose(settings, List.of(COMPOSE_FILE, SCALE_FILE), "config");

    assertThat(config.exitCode()).as(config.output()).isZero();
    String processor = service(config.output(), "processor");
    assertThat(processor).containsPattern("replicas: 3").contains("- /var/lib/argus/streams");
    // Kafka Streams locks its state directory: replicas must not share the named volume.
    assertThat(processor).doesNotContain("processor-state");
    assertThat(service(config.output(), "api"))
        .containsPattern("replicas: 2")
        .contains("published: 8000-8001");
    assertThat(service(config.output(), "collector-site-2"))
        .contains("ARGUS_COLLECTOR_ID: site-2")
        .containsPattern("ARGUS_COLLECTOR_ACCEPT_UNASSIGNED_DEVICES: [\"']false[\"']")
        .containsPattern("ARGUS_COLLECTOR_ACCEPT_UNASSIGNED_TARGETS: [\"']false[\"']");
  }

  private record Compose(int exitCode, String output) {}

  private static Compose compose(java.util.Map<String, String> settings, String... args)
      throws Exception {
    return compose(settings, List.of(COMPOSE_FILE), args);
  }

  private static Compose compose(
      java.util.Map<String, String> settings, List<Path> files, String... args) throws Exception {
    var command = new java.util.ArrayList<>(List.of("docker-compose"));
    for (Path file : files) {
      command.addAll(List.of("-f", file.toString()));
    }
    command.addAll(java.util.List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeAll(REQUIRED_SETTINGS.keySet());
    builder.environment().remove("ARGUS_API_PORTS");
    builder.environment().putAll(settings);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Compose(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
