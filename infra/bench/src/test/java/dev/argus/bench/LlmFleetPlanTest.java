package dev.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmFleetPlanTest {

  @Test
  void spreadsFirstTokenDelaysFrom50To500MsAndInterTokenDelaysFrom5To50Ms() {
    LlmFleetPlan plan = LlmFleetPlan.of(500);

    List<LlmFleetPlan.PlannedModel> models = plan.models();
    assertThat(models).hasSize(500);
    assertThat(models.getFirst().firstTokenMillis()).isEqualTo(50);
    assertThat(models.getLast().firstTokenMillis()).isEqualTo(500);
    assertThat(models).allSatisfy(m -> assertThat(m.interTokenMillis()).isBetween(5L, 50L));
    assertThat(models.stream().map(LlmFleetPlan.PlannedModel::interTokenMillis).distinct())
        .hasSize(46);
    assertThat(new HashSet<>(models.stream().map(LlmFleetPlan.PlannedModel::id).toList()))
        .hasSize(500);
  }

  @Test
  void splitsModelsOverAccountsNoLargerThanTheConcurrencySoNoProbeQueues() {
    LlmFleetPlan plan = LlmFleetPlan.of(500);

    assertThat(plan.accounts()).hasSize(8);
    assertThat(plan.accounts())
        .allSatisfy(a -> assertThat(a.size()).isLessThanOrEqualTo(64).isGreaterThan(60));
    assertThat(plan.accounts().stream().mapToInt(List::size).sum()).isEqualTo(500);
    assertThat(LlmFleetPlan.of(50).accounts()).hasSize(1);
  }

  @Test
  void injectedEndToEndIsTheFirstTokenPlusSevenInterTokenDelays() {
    var model = new LlmFleetPlan.PlannedModel("m", 120, 30);

    assertThat(model.e2eMillis()).isEqualTo(120 + 7 * 30);
    assertThat(model.behaviour().answerTokens()).isEqualTo(8);
    // Two models: 50 ms + 7 x 5 ms, and 500 ms + 7 x 42 ms.
    assertThat(LlmFleetPlan.of(2).slowestE2eMillis()).isEqualTo(500 + 7 * 42);
  }

  @Test
  void refusesAFleetTooSmallToSpread() {
    assertThatThrownBy(() -> LlmFleetPlan.of(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
