package dev.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

  @Test
  void theBenchmarksResultsKeepTheirFiguresFieldAndTable(@TempDir Path dir) throws Exception {
    Results<Figure> results = Results.figures();
    results.condition("cpus", 2);
    results.add(
        Figure.against("ingest", "readings stored/s", 50_000, "rows/s", "raw COPY", 100_000));

    results.write(dir, new PrintStream(PrintStream.nullOutputStream()));

    assertThat(Files.readString(dir.resolve("results.json")))
        .contains("\"figures\"")
        .contains("\"metric\" : \"readings stored/s\"");
    assertThat(Files.readString(dir.resolve("results.md")))
        .startsWith("# Argus benchmark results\n\n- cpus: 2\n\n| scenario | metric |")
        .contains(
            "| ingest | readings stored/s | 50,000 rows/s | raw COPY: 100,000 rows/s | 0.500 |");
  }
}
