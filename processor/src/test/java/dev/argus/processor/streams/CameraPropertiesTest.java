package dev.argus.processor.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.processor.camera.CameraSettings;
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

/** The camera settings as the service binds them: application.yml plus the variable. */
class CameraPropertiesTest {

  private static final String VARIABLE = "ARGUS_CAMERA_PROTECT_MOTION_HOLD";

  private static CameraProperties bindWithEnvironment(Map<String, Object> variables)
      throws IOException {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return Binder.get(environment).bindOrCreate("argus.cameras", CameraProperties.class);
  }

  @Test
  void withoutTheVariableTheHoldIsThreeSeconds() throws IOException {
    assertThat(bindWithEnvironment(Map.of()).toSettings()).isEqualTo(CameraSettings.defaults());
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "")).protectMotionHold())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theVariableSetsTheHold() throws IOException {
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "5s")).toSettings().protectMotionHold())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anOutOfRangeValueStopsStartUpNamingTheVariable() {
    assertThatThrownBy(() -> bindWithEnvironment(Map.of(VARIABLE, "2m")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining(VARIABLE + " must be more than 0 and at most 1m");
    assertThatThrownBy(() -> new CameraProperties(Duration.ZERO)).hasMessageContaining(VARIABLE);
  }
}
