package dev.argus.contract.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  private static final String SETTING = "argus.api.http.body-deadline (ARGUS_API_BODY_DEADLINE)";

  @Test
  void aPositiveDurationPasses() {
    assertThat(Durations.requirePositive(Duration.ofMillis(1), SETTING))
        .isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void zeroAndNegativeAreRefusedNamingTheSettingAndTheValue() {
    assertThatThrownBy(() -> Durations.requirePositive(Duration.ZERO, SETTING, "10s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SETTING + " must be a positive duration, got PT0S");
    assertThatThrownBy(() -> Durations.requirePositive(Duration.ofSeconds(-1), SETTING))
        .hasMessage(SETTING + " must be a positive duration, got PT-1S");
  }

  @Test
  void aMissingSettingIsRefusedWithAnExampleWhenOneIsGiven() {
    assertThatThrownBy(() -> Durations.requirePositive(null, SETTING, "10s"))
        .hasMessage(SETTING + " must be set, e.g. 10s");
    assertThatThrownBy(() -> Durations.requirePositive(null, SETTING))
        .hasMessage(SETTING + " must be set to a positive duration");
  }
}
