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

/** Binding argus.api.* the way Spring Boot does at start-up. */
class ApiPropertiesTest {

  private static final Map<String, String> VALID =
      Map.of(
          "argus.api.collector-staleness", "60s",
          "argus.api.schema-retry-initial-backoff", "1s",
          "argus.api.schema-retry-max-backoff", "15s");

  @Test
  void bindsDurations() {
    ApiProperties properties = bind(VALID);

    assertThat(properties.collectorStaleness()).isEqualTo(Duration.ofSeconds(60));
    assertThat(properties.schemaRetryMaxBackoff()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void rejectsNonPositiveStalenessNamingTheSetting() {
    Map<String, String> settings = new HashMap<>(VALID);
    settings.put("argus.api.collector-staleness", "0s");

    assertThatThrownBy(() -> bind(settings))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessage(
            "argus.api.collector-staleness (ARGUS_API_COLLECTOR_STALENESS) must be a positive"
                + " duration, got PT0S");
  }

  @Test
  void rejectsAMaximumBackoffShorterThanTheFirst() {
    Map<String, String> settings = new HashMap<>(VALID);
    settings.put("argus.api.schema-retry-max-backoff", "500ms");

    assertThatThrownBy(() -> bind(settings))
        .rootCause()
        .hasMessageContaining("argus.api.schema-retry-max-backoff (PT0.5S) must not be shorter");
  }

  @Test
  void rejectsAMissingSetting() {
    Map<String, String> settings = new HashMap<>(VALID);
    settings.remove("argus.api.collector-staleness");

    assertThatThrownBy(() -> bind(settings))
        .rootCause()
        .hasMessage(
            "argus.api.collector-staleness (ARGUS_API_COLLECTOR_STALENESS) must be set, e.g. 60s");
  }

  private static ApiProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("argus.api", ApiProperties.class);
  }
}
