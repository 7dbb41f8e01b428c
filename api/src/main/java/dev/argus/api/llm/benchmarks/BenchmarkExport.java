package dev.argus.api.llm.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's results as a JSON array or as CSV, row by row from a database cursor, so an export
 * never holds the whole run in memory. CSV follows RFC 4180: a header line, fields quoted when they
 * hold a comma, quote or line break.
 */
@Component
class BenchmarkExport {

  static final String JSON = "json";
  static final String CSV = "csv";

  private final BenchmarkRepository runs;
  private final TransactionTemplate transactions;
  private final JsonMapper json;

  BenchmarkExport(BenchmarkRepository runs, TransactionTemplate transactions, JsonMapper json) {
    this.runs = runs;
    this.transactions = transactions;
    this.json = json;
  }

  void write(UUID runId, String format, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try {
      transactions.executeWithoutResult(
          tx -> {
            if (CSV.equals(format)) {
              csv(runId, writer);
            } else {
              json(runId, writer);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  private void json(UUID runId, Writer writer) {
    write(writer, "[");
    boolean[] first = {true};
    runs.eachResult(
        runId,
        result -> {
          write(writer, first[0] ? "\n" : ",\n");
          first[0] = false;
          write(writer, json.writeValueAsString(result));
        });
    write(writer, "\n]\n");
  }

  private void csv(UUID runId, Writer writer) {
    write(writer, line(BenchmarkResult.COLUMNS));
    runs.eachResult(runId, result -> write(writer, line(result.csvValues())));
  }

  private static String line(List<String> values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(values.get(i)));
    }
    return line.append("\r\n").toString();
  }

  private static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void write(Writer writer, String text) {
    try {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
