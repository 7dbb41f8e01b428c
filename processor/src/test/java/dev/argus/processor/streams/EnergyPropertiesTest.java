package dev.argus.processor.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.processor.energy.EnergySettings;
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

/** The energy settings as the service binds them: application.yml plus ENERGY_MAX_GAP. */
class EnergyPropertiesTest {

  private static EnergyProperties bindWithEnvironment(Map<String, Object> variables)
      throws IOException {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    // bindOrCreate, as Spring does for a @ConfigurationProperties record: an empty variable binds
    // nothing, and the record's defaults apply.
    return Binder.get(environment).bindOrCreate("argus.energy", EnergyProperties.class);
  }

  @Test
  void withoutTheVariableTheDefaultApplies() throws IOException {
    EnergySettings settings = bindWithEnvironment(Map.of()).toSettings();
    assertThat(settings.maxGap()).isEqualTo(EnergySettings.DEFAULT_MAX_GAP);
    assertThat(settings.emitInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.readings()).isEqualTo(EnergySettings.defaults().readings());
  }

  @Test
  void theEmitIntervalIsSetByItsVariableAndZeroMeansEveryReading() throws IOException {
    assertThat(bindWithEnvironment(Map.of("ENERGY_EMIT_INTERVAL", "0s")).emitInterval()).isZero();
    assertThatThrownBy(() -> new EnergyProperties(null, Duration.ofHours(2)))
        .hasMessageContaining("ENERGY_EMIT_INTERVAL");
  }

  @Test
  void theVariableSetsTheMaximumGap() throws IOException {
    assertThat(bindWithEnvironment(Map.of("ENERGY_MAX_GAP", "5m")).maxGap())
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void anEmptyVariableMeansTheDefault() throws IOException {
    assertThat(bindWithEnvironment(Map.of("ENERGY_MAX_GAP", "")).maxGap())
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void anOutOfRangeValueStopsStartUpNamingTheVariable() {
    assertThatThrownBy(() -> bindWithEnvironment(Map.of("ENERGY_MAX_GAP", "2d")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("ENERGY_MAX_GAP must be between 1s and 24h");
    assertThatThrownBy(() -> new EnergyProperties(Duration.ofMillis(500), null))
        .hasMessageContaining("ENERGY_MAX_GAP");
  }

  @Test
  void aValueThatIsNoDurationStopsStartUp() {
    assertThatThrownBy(() -> bindWithEnvironment(Map.of("ENERGY_MAX_GAP", "soon")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("argus.energy");
  }
}
