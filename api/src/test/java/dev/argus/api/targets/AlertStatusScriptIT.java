package dev.argus.api.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert seed's bash client ({@code alert-status-check.sh}, with curl and jq) run against the
 * api: it is the contract as a relay or cron job sees it.
 */
class AlertStatusScriptIT extends TargetsApiTest {

  @TempDir static Path scripts;
  private static Path script;

  @BeforeAll
  static void copyScript() throws IOException {
    assumeTrue(onPath("curl") && onPath("jq"), "curl and jq are needed to run the seed's client");
    script = scripts.resolve("alert-status-check.sh");
    try (InputStream in = AlertStatusScriptIT.class.getResourceAsStream("/alert-status-check.sh")) {
      Files.copy(in, script);
    }
  }

  @Test
  void withNoFailingTargetsItSaysOkAndExits0() throws Exception {
    up(httpTarget("Production Server", 3));

    Run run = runScript();

    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).isEqualTo("OK: All systems operational\n");
  }

  @Test
  void withTwoTargetsDownItListsThemAndExits1() throws Exception {
    down(httpTarget("Production Server", 3), 5);
    down(httpTarget("Database", 3), 4);
    down(httpTarget("Flaky", 3), 1);

    Run run = runScript();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output())
        .isEqualTo(
            """
            ALERT: 2 targets are down
            - Production Server: 5/3 failures
            - Database: 4/3 failures
            """);
  }

  private record Run(int exitCode, String output) {}

  private Run runScript() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    builder.environment().put("API_URL", "http://127.0.0.1:" + port() + "/api/v1/alert-status");
    builder.environment().put("API_KEY", BOOTSTRAP);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
    return new Run(process.exitValue(), output);
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder("bash", "-c", "command -v " + command)
              .redirectErrorStream(true)
              .start()
              .waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
