package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The LLM history retention as the service binds it: application.yml plus the variable. */
class LlmHistoryPropertiesTest {

  private static final String VARIABLE = "ARGUS_LLM_HISTORY_RETENTION";

  private static LlmHistoryProperties bindWithEnvironment(Map<String, Object> variables)
      throws IOException {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return Binder.get(environment).bindOrCreate("argus.llm", LlmHistoryProperties.class);
  }

  @Test
  void withoutTheVariableHistoryIsKeptNinetyDays() throws IOException {
    assertThat(bindWithEnvironment(Map.of()).historyRetention()).isEqualTo(Duration.ofDays(90));
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "")).historyRetention())
        .isEqualTo(Duration.ofDays(90));
  }

  @Test
  void theVariableSetsTheRetentionAndZeroKeepsEverything() throws IOException {
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "30d")).historyRetention())
        .isEqualTo(Duration.ofDays(30));
    assertThat(bindWithEnvironment(Map.of(VARIABLE, "0")).historyRetention()).isZero();
  }

  @Test
  void anOutOfRangeValueStopsStartUpNamingTheVariable() {
    assertThatThrownBy(() -> bindWithEnvironment(Map.of(VARIABLE, "10m")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining(VARIABLE)
        .hasMessageContaining("between 1h and 3650d");
  }
}
