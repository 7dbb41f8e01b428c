package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private final RestartPolicy policy = RestartPolicy.DEFAULT;

  @Test
  void theFirstCrashIsRestartedAfterOneSecond() {
    assertThat(policy.decide(List.of(T0)))
        .isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 1));
  }

  @Test
  void eachCrashWithinTheWindowDoublesTheDelayUpToTheMaximum() {
    var small =
        new RestartPolicy(10, Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
    List<Instant> crashes = new ArrayList<>();
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      crashes.add(T0.plusSeconds(60L * i));
      delays.add(((RestartPolicy.Restart) small.decide(crashes)).delay());
    }

    assertThat(delays)
        .extracting(Duration::toSeconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
  }

  @Test
  void oneCrashMoreThanTheLimitWithinTheWindowGivesUp() {
    // Given five crashes within a minute, each one restarted
    List<Instant> crashes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      crashes.add(T0.plusSeconds(10L * i));
      assertThat(policy.decide(crashes))
          .isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1L << i), i + 1));
    }

    // When a sixth follows within five minutes of the first
    crashes.add(T0.plusSeconds(299));

    // Then the stack gives up
    assertThat(policy.decide(crashes))
        .isEqualTo(new RestartPolicy.GiveUp(6, Duration.ofMinutes(5)));
  }

  @Test
  void crashesOlderThanTheWindowAreForgotten() {
    List<Instant> crashes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      crashes.add(T0.plusSeconds(10L * i));
    }
    crashes.add(T0.plusSeconds(335));

    // Only the crash at 40 s is within five minutes of the latest: the second restart.
    assertThat(policy.decide(crashes))
        .isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(2), 2));
  }

  @Test
  void aLimitOfZeroStopsAtTheFirstCrash() {
    var never =
        new RestartPolicy(0, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30));

    assertThat(never.decide(List.of(T0)))
        .isEqualTo(new RestartPolicy.GiveUp(1, Duration.ofMinutes(5)));
  }

  @Test
  void aMaximumDelayBelowTheFirstIsRefused() {
    assertThatThrownBy(
            () ->
                new RestartPolicy(
                    5, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximum delay");
  }
}
