package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsOptionsTest {

  @Test
  void runsEveryWrittenScenarioByDefault() {
    FaultsOptions options = FaultsOptions.parse();

    assertThat(options.scenarios()).isEqualTo(FaultsOptions.WRITTEN);
    assertThat(options.devices()).isEqualTo(200);
  }

  @Test
  void readsTheLoadsSize() {
    FaultsOptions options =
        FaultsOptions.parse("--devices=50", "--seconds=30", "--kill-after=10", "processor-kill");

    assertThat(options)
        .isEqualTo(new FaultsOptions(List.of("processor-kill"), 50, 30, 10, 30, 240));
  }

  @Test
  void aScenarioNotWrittenYetIsRefusedByName() {
    assertThatThrownBy(() -> FaultsOptions.parse("soak"))
        .hasMessageContaining("soak is not written yet");
  }

  @Test
  void theKillMustFallInsideTheLoad() {
    assertThatThrownBy(() -> FaultsOptions.parse("--seconds=20", "--kill-after=20"))
        .hasMessageContaining("--kill-after");
  }
}
