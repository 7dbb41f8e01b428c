package dev.argus.collector.nut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  private static BoundedLineReader reader(String text, int maxLineBytes) {
    return new BoundedLineReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
  }

  @Test
  void readsLinesEndingInNewlineOrCarriageReturnNewline() throws Exception {
    var reader = reader("OK\nOK Goodbye\r\n", 100);

    assertThat(reader.nextLine()).isEqualTo("OK");
    assertThat(reader.nextLine()).isEqualTo("OK Goodbye");
    assertThat(reader.nextLine()).isNull();
  }

  @Test
  void decodesUtf8() throws Exception {
    assertThat(reader("UPS sim \"Salle serveur \u00e9t\u00e9\"\n", 100).nextLine())
        .isEqualTo("UPS sim \"Salle serveur \u00e9t\u00e9\"");
  }

  @Test
  void dropsALineCutOffByTheEndOfTheStream() throws Exception {
    var reader = reader("BEGIN LIST VAR sim\nVAR sim batt", 100);

    assertThat(reader.nextLine()).isEqualTo("BEGIN LIST VAR sim");
    assertThat(reader.nextLine()).isNull();
  }

  @Test
  void acceptsALineOfExactlyTheLimit() throws Exception {
    assertThat(reader("x".repeat(16) + "\n", 16).nextLine()).hasSize(16);
  }

  @Test
  void refusesALineLongerThanTheLimit() {
    var reader = reader("x".repeat(17) + "\n", 16);

    assertThatThrownBy(reader::nextLine)
        .isInstanceOf(NutProtocolException.class)
        .hasMessageContaining("longer than 16 bytes");
  }
}
