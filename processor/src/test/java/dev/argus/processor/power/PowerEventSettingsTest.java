package dev.argus.processor.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.config.RuntimeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the runtime configuration overrides the environment's thresholds. */
class PowerEventSettingsTest {

  private static final PowerEventSettings ENVIRONMENT = PowerEventSettings.defaults();

  private static RuntimeConfig runtime(
      Integer missedPolls, Double floorPct, Double loadLimitPct, Double temperatureLimitC) {
    return new RuntimeConfig(
        5,
        List.of(),
        false,
        false,
        null,
        null,
        null,
        null,
        missedPolls,
        floorPct,
        loadLimitPct,
        temperatureLimitC);
  }

  @Test
  void setFieldsOverrideTheEnvironment() {
    PowerEventSettings effective = ENVIRONMENT.withRuntime(runtime(5, 15.0, 80.0, 35.0));

    assertThat(effective.deviceOfflineMissedPolls()).isEqualTo(5);
    assertThat(effective.shutdownBatteryFloorPct()).isEqualTo(15.0);
    assertThat(effective.loadLimitPct()).isEqualTo(80.0);
    assertThat(effective.temperatureLimitC()).isEqualTo(35.0);
    assertThat(effective.defaultBatteryLowPct()).isEqualTo(ENVIRONMENT.defaultBatteryLowPct());
  }

  @Test
  void nullFieldsAndNoRuntimeConfigKeepTheEnvironment() {
    assertThat(ENVIRONMENT.withRuntime(runtime(null, null, null, null))).isEqualTo(ENVIRONMENT);
    assertThat(ENVIRONMENT.withRuntime(null)).isEqualTo(ENVIRONMENT);
  }

  @Test
  void valuesTheEnvironmentVariablesWouldRefuseKeepTheEnvironment() {
    PowerEventSettings effective = ENVIRONMENT.withRuntime(runtime(0, 101.0, 0.0, Double.NaN));

    assertThat(effective).isEqualTo(ENVIRONMENT);
    assertThat(ENVIRONMENT.withRuntime(runtime(1001, -1.0, 201.0, 151.0))).isEqualTo(ENVIRONMENT);
  }
}
