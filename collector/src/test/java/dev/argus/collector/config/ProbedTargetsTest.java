package dev.argus.collector.config;

import static dev.argus.collector.config.DesiredConfigTest.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.config.TargetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbedTargetsTest {

  private static final List<TargetConfig> ON_THE_TOPIC =
      List.of(
          target(1, true, null),
          target(2, true, "site-a"),
          target(3, true, "site-b"),
          target(4, false, "site-a"),
          target(5, false, null),
          target(6, true, " "),
          target(7, true, " site-a "));

  @Test
  void aCollectorThatAcceptsUnassignedTargetsProbesThoseAndItsOwnEnabledOnes() {
    // When collector site-a, accepting unassigned targets, selects its targets
    List<TargetConfig> probed = ProbedTargets.select(ON_THE_TOPIC, "site-a", true);

    // Then it probes the unassigned (a blank collector_id is none) and its own, never a disabled
    // target or another collector's
    assertThat(probed).extracting(TargetConfig::id).containsExactly(1L, 2L, 6L, 7L);
  }

  @Test
  void aCollectorThatDoesNotAcceptUnassignedTargetsProbesOnlyItsOwn() {
    assertThat(ProbedTargets.select(ON_THE_TOPIC, "site-a", false))
        .extracting(TargetConfig::id)
        .containsExactly(2L, 7L);
    assertThat(ProbedTargets.select(ON_THE_TOPIC, "site-b", false))
        .extracting(TargetConfig::id)
        .containsExactly(3L);
  }

  @Test
  void aCollectorWithNoTargetsOfItsOwnProbesNothingWhenItRefusesUnassignedOnes() {
    assertThat(ProbedTargets.select(ON_THE_TOPIC, "site-c", false)).isEmpty();
    assertThat(ProbedTargets.select(ON_THE_TOPIC, "site-c", true))
        .extracting(TargetConfig::id)
        .containsExactly(1L, 6L);
  }
}
