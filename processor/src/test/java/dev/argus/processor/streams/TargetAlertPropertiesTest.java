package dev.argus.processor.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.processor.targets.TargetAlertSettings;
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

/** The target alert settings as the service binds them: application.yml plus the variable. */
class TargetAlertPropertiesTest {

  private static final String VARIABLE = "ARGUS_TARGET_ALERT_REPEAT";

  private static TargetAlertProperties bindWithEnvironment(Map<String, Object> variables)
      throws IOException {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return Binder.get(environment).bindOrCreate("argus.targets", TargetAlertProperties.class);
  }

  @Test
  void withoutTheVariableRepeatsAreHourly() throws IOException {
    assertThat(bindWithEnvironment(Map.of()).toSettings())
        .isEqualTo(TargetAlertSettings.defaults());
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "")).alertRepeat())
        .isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void theVariableSetsTheIntervalAndZeroMeansNever() throws IOException {
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "15m")).alertRepeat())
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "0")).alertRepeat()).isZero();
  }

  @Test
  void anOutOfRangeValueStopsStartUpNamingTheVariable() {
    assertThatThrownBy(() -> bindWithEnvironment(Map.of(VARIABLE, "8d")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining(VARIABLE + " must be between 0 (never) and 7d");
    assertThatThrownBy(() -> new TargetAlertProperties(Duration.ofMinutes(-1)))
        .hasMessageContaining(VARIABLE);
  }
}
