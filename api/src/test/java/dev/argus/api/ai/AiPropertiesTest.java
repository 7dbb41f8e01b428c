package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A bad AI setting stops the api with a message naming the setting and what is allowed. */
class AiPropertiesTest {

  @Test
  void theDefaultsAreValid() {
    assertThatCode(() -> new AiProperties(true, 4, "earliest", DataSize.ofMegabytes(5), 400))
        .doesNotThrowAnyException();
  }

  @Test
  void eachBadValueNamesItsEnvironmentVariable() {
    assertThatThrownBy(() -> new AiProperties(true, 0, "earliest", DataSize.ofMegabytes(5), 400))
        .hasMessageContaining("ARGUS_API_DESCRIBER_CONCURRENCY")
        .hasMessageContaining("between 1 and 64");
    assertThatThrownBy(() -> new AiProperties(true, 4, "newest", DataSize.ofMegabytes(5), 400))
        .hasMessageContaining("ARGUS_API_DESCRIBER_AUTO_OFFSET_RESET");
    assertThatThrownBy(() -> new AiProperties(true, 4, "latest", DataSize.ofMegabytes(9), 400))
        .hasMessageContaining("ARGUS_API_AI_MAX_IMAGE_SIZE")
        .hasMessageContaining("8MB");
    assertThatThrownBy(() -> new AiProperties(true, 4, "latest", DataSize.ofMegabytes(5), 8))
        .hasMessageContaining("ARGUS_API_AI_ANSWER_MAX_TOKENS");
  }
}
