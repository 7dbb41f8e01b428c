package dev.argus.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.config.RuntimeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The rules of PUT /api/config bodies. */
class RuntimeConfigUpdateTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RuntimeConfig STORED =
      new RuntimeConfig(
          5,
          List.of("postgres", "energy"),
          false,
          false,
          "nut.lan",
          3493,
          "monitor",
          "s3cret",
          4,
          12.5,
          null,
          null);

  @Test
  void leftOutFieldsKeepTheirValueAndNullClearsOptionalOnes() {
    RuntimeConfig updated =
        RuntimeConfigUpdate.apply(
            STORED,
            JSON.readTree(
                """
                {"poll_interval_minutes": 10, "enabled_exporters": ["sqlite", "prometheus"],
                 "nut_host": null, "load_limit_pct": 85, "nut_password_set": true}
                """));

    assertThat(updated)
        .isEqualTo(
            new RuntimeConfig(
                10,
                List.of("postgres", "prometheus"),
                false,
                false,
                null,
                3493,
                "monitor",
                "s3cret",
                4,
                12.5,
                85.0,
                null));
  }

  @Test
  void everyProblemIsNamed() {
    assertThatThrownBy(
            () ->
                RuntimeConfigUpdate.apply(
                    STORED,
                    JSON.readTree(
                        """
                        {"poll_interval_minutes": 0, "enabled_exporters": ["influx"],
                         "scheduler_paused": "yes", "nut_port": 0, "temperature_limit_c": 500,
                         "colour": "blue", "scanning_disabled": null}
                        """)))
        .isInstanceOf(InvalidRuntimeConfigException.class)
        .hasMessageContaining("unknown field 'colour'")
        .hasMessageContaining("poll_interval_minutes must be an integer between 1 and 10080, got 0")
        .hasMessageContaining(
            "enabled_exporters may hold postgres, energy, prometheus (sqlite means postgres),"
                + " got \"influx\"")
        .hasMessageContaining("scanning_disabled must not be null")
        .hasMessageContaining("scheduler_paused must be true or false, got \"yes\"")
        .hasMessageContaining("nut_port must be an integer between 1 and 65535, got 0")
        .hasMessageContaining("temperature_limit_c must be a number between -40 and 150, got 500");
  }

  @Test
  void aBodyThatIsNotAnObjectIsRejected() {
    assertThatThrownBy(() -> RuntimeConfigUpdate.apply(STORED, JSON.readTree("[1]")))
        .hasMessageContaining("the body must be a JSON object");
  }
}
