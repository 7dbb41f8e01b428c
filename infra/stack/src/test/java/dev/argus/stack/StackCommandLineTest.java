package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackCommandLineTest {

  @Test
  void aPollIntervalUnderASecondIsRefusedBeforeTheCollectorWouldBe() {
    assertThatThrownBy(
            () -> StackCommandLine.parse(new String[0], Map.of("ARGUS_POLL_INTERVAL", "500ms")))
        .isInstanceOf(StackCommandLine.UsageException.class)
        .hasMessageContaining("at least 1s");
  }

  @Test
  void millisecondsAreKeptRatherThanRoundedToSeconds() {
    var options = StackCommandLine.parse(new String[0], Map.of("ARGUS_POLL_INTERVAL", "1500ms"));

    assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void restartsDefaultToFiveWithinFiveMinutesAndCanBeTurnedOff() {
    assertThat(StackCommandLine.parse(new String[0], Map.of()).restarts())
        .isEqualTo(RestartPolicy.DEFAULT);

    var options =
        StackCommandLine.parse(
            new String[0],
            Map.of(
                "ARGUS_RESTART_LIMIT",
                "0",
                "ARGUS_RESTART_WINDOW",
                "10m",
                "ARGUS_RESTART_MAX_DELAY",
                "5s"));

    assertThat(options.restarts())
        .isEqualTo(
            new RestartPolicy(
                0, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5)));
  }

  @Test
  void aRestartLimitThatIsNoCountIsRefused() {
    assertThatThrownBy(
            () -> StackCommandLine.parse(new String[0], Map.of("ARGUS_RESTART_LIMIT", "-1")))
        .isInstanceOf(StackCommandLine.UsageException.class)
        .hasMessageStartingWith("ARGUS_RESTART_LIMIT must be a whole number, 0 or more");
    assertThatThrownBy(
            () -> StackCommandLine.parse(new String[0], Map.of("ARGUS_RESTART_WINDOW", "0s")))
        .isInstanceOf(StackCommandLine.UsageException.class)
        .hasMessageStartingWith("ARGUS_RESTART_WINDOW must be longer than 0");
  }
}
