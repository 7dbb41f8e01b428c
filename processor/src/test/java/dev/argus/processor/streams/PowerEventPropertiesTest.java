package dev.argus.processor.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.processor.power.PowerEventSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The thresholds as the service binds them: application.yml plus the seed's variables. */
class PowerEventPropertiesTest {

  private static PowerEventProperties bindWithEnvironment(Map<String, Object> variables)
      throws IOException {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return Binder.get(environment).bind("argus.power-events", PowerEventProperties.class).get();
  }

  @Test
  void withoutVariablesTheSeedDefaultsApply() throws IOException {
    PowerEventSettings settings = bindWithEnvironment(Map.of()).toSettings();

    assertThat(settings).isEqualTo(PowerEventSettings.defaults());
  }

  @Test
  void theSeedsVariablesSetTheThresholds() throws IOException {
    var properties =
        bindWithEnvironment(
            Map.of(
                "SHUTDOWN_BATTERY_FLOOR_PCT", "15",
                "DEVICE_OFFLINE_MISSED_POLLS", "5",
                "BATTERY_LOW_DEFAULT_PCT", "25.5",
                "LOAD_LIMIT_PCT", "80",
                "TEMPERATURE_LIMIT_C", "35",
                "ARGUS_SILENCE_CHECK_INTERVAL", "30s"));

    assertThat(properties)
        .isEqualTo(new PowerEventProperties(15.0, 5, 25.5, 80.0, 35.0, Duration.ofSeconds(30)));
  }

  @Test
  void anEmptyVariableMeansTheDefault() throws IOException {
    var properties = bindWithEnvironment(Map.of("LOAD_LIMIT_PCT", ""));

    assertThat(properties.loadLimitPct()).isEqualTo(90.0);
  }

  @Test
  void anOutOfRangeValueStopsStartUpNamingTheVariable() {
    assertThatThrownBy(() -> bindWithEnvironment(Map.of("SHUTDOWN_BATTERY_FLOOR_PCT", "150")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessage("SHUTDOWN_BATTERY_FLOOR_PCT must be between 0.0 and 100.0, was 150.0");
  }

  @Test
  void everyThresholdIsValidated() {
    assertThatThrownBy(() -> new PowerEventProperties(null, 0, null, null, null, null))
        .hasMessageContaining("DEVICE_OFFLINE_MISSED_POLLS");
    assertThatThrownBy(() -> new PowerEventProperties(null, null, -1.0, null, null, null))
        .hasMessageContaining("BATTERY_LOW_DEFAULT_PCT");
    assertThatThrownBy(() -> new PowerEventProperties(null, null, null, 0.0, null, null))
        .hasMessageContaining("LOAD_LIMIT_PCT");
    assertThatThrownBy(() -> new PowerEventProperties(null, null, null, null, 500.0, null))
        .hasMessageContaining("TEMPERATURE_LIMIT_C");
    assertThatThrownBy(
            () -> new PowerEventProperties(null, null, null, null, null, Duration.ofMillis(10)))
        .hasMessageContaining("ARGUS_SILENCE_CHECK_INTERVAL");
    assertThatThrownBy(() -> new PowerEventProperties(Double.NaN, null, null, null, null, null))
        .hasMessageContaining("SHUTDOWN_BATTERY_FLOOR_PCT");
  }
}
