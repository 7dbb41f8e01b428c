package dev.argus.api.system.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {

  @Test
  void plainValuesAreWrittenAsTheyAre() {
    assertThat(CsvFields.of(null)).isEmpty();
    assertThat(CsvFields.of("llama3:8b")).isEqualTo("llama3:8b");
    assertThat(CsvFields.of(16)).isEqualTo("16");
    assertThat(CsvFields.of(-3)).isEqualTo("-3");
    assertThat(CsvFields.of(1.0e7)).isEqualTo("10000000");
    assertThat(CsvFields.of(0.000125)).isEqualTo("0.000125");
    assertThat(CsvFields.of(Instant.parse("2026-05-01T10:00:00Z")))
        .isEqualTo("2026-05-01T10:00:00Z");
    UUID id = UUID.randomUUID();
    assertThat(CsvFields.of(id)).isEqualTo(id.toString());
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() {
    assertThat(CsvFields.of("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvFields.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvFields.of("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(CsvFields.of("cr\rhere")).isEqualTo("\"cr\rhere\"");
    assertThat(CsvFields.of(" padded ")).isEqualTo("\" padded \"");
  }

  @Test
  void textASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(CsvFields.of("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvFields.of("+cmd")).isEqualTo("'+cmd");
    assertThat(CsvFields.of("-2")).isEqualTo("'-2");
    assertThat(CsvFields.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvFields.of("=HYPERLINK(\"x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  }
}
