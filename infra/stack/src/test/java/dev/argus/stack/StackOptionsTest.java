package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

  @Test
  void aPollIntervalUnderASecondIsRefusedBeforeTheCollectorWouldBe() {
    assertThatThrownBy(() -> StackOptions.parse(new String[0], Map.of("ARGUS_POLL_INTERVAL", "500ms")))
        .isInstanceOf(StackOptions.UsageException.class)
        .hasMessageContaining("at least 1s");
  }

  @Test
  void millisecondsAreKeptRatherThanRoundedToSeconds() {
    var options = StackOptions.parse(new String[0], Map.of("ARGUS_POLL_INTERVAL", "1500ms"));

    assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(1500));
  }
}
