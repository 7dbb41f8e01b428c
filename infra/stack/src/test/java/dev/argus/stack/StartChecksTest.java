package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartChecksTest {

  private static final Runtime.Version JAVA_21 = Runtime.Version.parse("21");
  private static final String GOOD_SECRET = "prod:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";

  @TempDir Path home;
  private StackOptions options;

  @BeforeEach
  void builtCheckout() throws Exception {
    for (String module : ServiceJars.SERVICES) {
      Path target = Files.createDirectories(home.resolve(module).resolve("target"));
      Files.createFile(target.resolve("argus-" + module + "-0.1.0-SNAPSHOT-exec.jar"));
    }
    options = options(home, StackApi.freePort());
  }

  @Test
  void aBuiltCheckoutWithGoodSettingsPasses() {
    var env = Map.of("API_KEY", "k".repeat(32), "ARGUS_SECRET_KEY", GOOD_SECRET);

    assertThat(StartChecks.settings(options, env, JAVA_21)).isEmpty();
    assertThat(StartChecks.settings(options, Map.of("API_KEY", " "), JAVA_21))
        .as("a blank key is no key: the stack makes one")
        .isEmpty();
  }

  @Test
  void aShortBootstrapKeyIsRefusedInTheApisWords() {
    assertThat(StartChecks.settings(options, Map.of("API_KEY", "short-key"), JAVA_21))
        .containsExactly(
            "API_KEY must be at least 32 characters long (it has 9); generate one with: openssl"
                + " rand -hex 32");
  }

  @Test
  void aShortFirstAdminPasswordIsRefusedBeforeTheApiStarts() {
    assertThat(StartChecks.settings(options, Map.of("ARGUS_ADMIN_PASSWORD", "short"), JAVA_21))
        .singleElement()
        .asString()
        .startsWith("ARGUS_ADMIN_PASSWORD must be at least 12 characters long");
    assertThat(
            StartChecks.settings(options, Map.of("ARGUS_ADMIN_PASSWORD", "twelve-chars"), JAVA_21))
        .isEmpty();
  }

  @Test
  void aSecretKeyThatDoesNotParseIsRefusedWithTheKeyringsMessage() {
    assertThat(StartChecks.settings(options, Map.of("ARGUS_SECRET_KEY", "c2hvcnQ="), JAVA_21))
        .singleElement()
        .asString()
        .startsWith(
            "ARGUS_SECRET_KEY entry 1 of 1 is a 40-bit key; a 256-bit key (32 bytes) is required")
        .contains("openssl rand -base64 32");
  }

  @Test
  void anOldJavaAndMissingJarsAreEachNamed() throws Exception {
    Files.delete(home.resolve("api/target/argus-api-0.1.0-SNAPSHOT-exec.jar"));

    List<String> problems =
        StartChecks.settings(options, Map.of("API_KEY", "short"), Runtime.Version.parse("17.0.2"));

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0))
        .startsWith("Argus needs Java 21 or newer, and this is Java 17")
        .endsWith("set JAVA_HOME to a JDK 21+");
    assertThat(problems.get(1))
        .startsWith("API_KEY must be at least 32 characters long (it has 5)");
    assertThat(problems.get(2))
        .isEqualTo(
            "No executable jar of the api in "
                + home.resolve("api/target")
                + ": build first (./argus-start.sh does: mvn -DskipTests package)");
  }

  @Test
  void aPortInUseIsNamedWithTheSettingThatMovesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var busy = options(home, taken.getLocalPort());

      assertThat(StartChecks.busyPorts(busy))
          .containsExactly(
              "Port "
                  + taken.getLocalPort()
                  + " (ARGUS_API_PORT) is in use, by another Argus or another program: stop it, or"
                  + " choose another port with ARGUS_API_PORT");
    }
    assertThat(StartChecks.busyPorts(options)).isEmpty();
  }

  private static StackOptions options(Path home, int apiPort) throws Exception {
    return StackOptions.builder(home, home.resolve(".argus"))
        .apiPort(apiPort)
        .kafkaPort(StackApi.freePort())
        .controllerPort(StackApi.freePort())
        .dbPort(StackApi.freePort())
        .demoFleet(false)
        .demoNutPort(StackApi.freePort())
        .demoLlmPort(StackApi.freePort())
        .build();
  }
}
