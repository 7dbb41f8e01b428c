package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsOptionsTest {

  @Test
  void runsEveryWrittenScenarioByDefault() {
    FaultsOptions options = FaultsOptions.parse();

    assertThat(options.scenarios())
        .isEqualTo(FaultsOptions.DEFAULT)
        .contains("processor-kill", "broker-restart")
        .doesNotContain("soak");
    assertThat(options.devices()).isEqualTo(200);
  }

  @Test
  void readsTheLoadsSize() {
    FaultsOptions options =
        FaultsOptions.parse("--devices=50", "--seconds=30", "--kill-after=10", "processor-kill");

    assertThat(options)
        .isEqualTo(new FaultsOptions(List.of("processor-kill"), 50, 30, 10, 30, 240, 30, 5000, 30));
  }

  @Test
  void everyScenarioOfTheIssueIsWritten() {
    assertThat(FaultsOptions.WRITTEN)
        .contains(
            "processor-kill",
            "collector-kill",
            "broker-restart",
            "broker-outage-long",
            "postgres-down",
            "api-kill-outbox",
            "three-processors",
            "two-collectors",
            "two-apis",
            "poison",
            "disk-pressure",
            "soak");
  }

  @Test
  void theSoakRunsWhenNamedWithItsOwnOptions() {
    FaultsOptions options =
        FaultsOptions.parse("--soak-minutes=3", "--soak-rate=1000", "--soak-sample=10", "soak");

    assertThat(options.scenarios()).containsExactly("soak");
    assertThat(options.soakMinutes()).isEqualTo(3);
    assertThat(options.soakRate()).isEqualTo(1000);
    assertThat(options.soakSampleSeconds()).isEqualTo(10);
  }

  @Test
  void anUnknownScenarioIsRefused() {
    assertThatThrownBy(() -> FaultsOptions.parse("processor-explode"))
        .hasMessageContaining("Unknown argument processor-explode");
  }

  @Test
  void theKillMustFallInsideTheLoad() {
    assertThatThrownBy(() -> FaultsOptions.parse("--seconds=20", "--kill-after=20"))
        .hasMessageContaining("--kill-after");
  }

  @Test
  void readsTheDatabaseFaultsLengths() {
    FaultsOptions options =
        FaultsOptions.parse("--db-outage=90", "--disk-full=20", "postgres-down", "disk-pressure");

    assertThat(options.scenarios()).containsExactly("postgres-down", "disk-pressure");
    assertThat(options.dbOutage()).isEqualTo(90);
    assertThat(options.diskFull()).isEqualTo(20);
    assertThat(FaultsOptions.parse().dbOutage()).isEqualTo(60);
    assertThat(FaultsOptions.parse().diskFull()).isEqualTo(30);
  }
}
