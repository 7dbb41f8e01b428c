package dev.argus.processor.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topology and its rules stay pure functions of their input: no Spring, no JDBC, no Streams
 * runtime, no clock of their own. Checked on the sources, as the style guide asks for.
 */
class TopologyPurityTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/argus/processor/power");
  private static final List<String> FORBIDDEN =
      List.of(
          "import org.springframework",
          "import java.sql",
          "import javax.sql",
          "import org.apache.kafka.streams.KafkaStreams",
          "import java.util.Properties",
          "Instant.now(",
          "System.currentTimeMillis(",
          "Clock.");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PowerEventsTopology.java",
        "PowerEventRules.java",
        "DeviceStateProcessor.java",
        "DeviceState.java",
        "RuleOutcome.java",
        "PowerEventSettings.java"
      })
  void staysPure(String file) throws IOException {
    String source = Files.readString(SOURCES.resolve(file));

    assertThat(FORBIDDEN).noneMatch(source::contains);
  }
}
