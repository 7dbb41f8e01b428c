package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding argus.api.http.* the way Spring Boot does at start-up. */
class HttpLimitsTest {

  private static final Map<String, String> VALID =
      Map.of(
          "argus.api.http.header-deadline", "10s",
          "argus.api.http.body-read-timeout", "20s",
          "argus.api.http.body-deadline", "1m");

  @Test
  void bindsDurations() {
    HttpLimits limits = bind(VALID);

    assertThat(limits.headerDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(limits.bodyDeadline()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void refusesAZeroDeadlineNamingTheSetting() {
    Map<String, String> settings = new HashMap<>(VALID);
    settings.put("argus.api.http.header-deadline", "0s");

    assertThatThrownBy(() -> bind(settings))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessage(
            "argus.api.http.header-deadline (ARGUS_API_HEADER_DEADLINE) must be a positive"
                + " duration, got PT0S");
  }

  @Test
  void refusesAMissingDeadlineNamingTheSetting() {
    Map<String, String> settings = new HashMap<>(VALID);
    settings.remove("argus.api.http.body-deadline");

    assertThatThrownBy(() -> bind(settings))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessage("argus.api.http.body-deadline (ARGUS_API_BODY_DEADLINE) must be set, e.g. 10s");
  }

  private static HttpLimits bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("argus.api.http", HttpLimits.class);
  }
}
