package dev.argus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of one run (the benchmark's figures, the fault harness's scenario counts) and the
 * conditions they were measured under, written as {@code results.json} and as a readable Markdown
 * table.
 *
 * @param <R> one row: a record, written to JSON as it is
 */
public final class Results<R> {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final String title;
  private final String rowsName;
  private final Function<List<R>, String> table;
  private final List<R> rows = new ArrayList<>();
  private final Map<String, Object> conditions = new LinkedHashMap<>();

  /**
   * @param title the Markdown document's heading
   * @param rowsName the JSON field that holds the rows
   * @param table renders the rows as a Markdown table
   */
  public Results(String title, String rowsName, Function<List<R>, String> table) {
    this.title = title;
    this.rowsName = rowsName;
    this.table = table;
  }

  /** The benchmark's: one figure a row, beside its reference. */
  static Results<Figure> figures() {
    return new Results<>("Argus benchmark results", "figures", Results::figureTable);
  }

  public synchronized void add(R row) {
    rows.add(row);
  }

  public synchronized void condition(String name, Object value) {
    conditions.put(name, value);
  }

  public synchronized void write(Path dir, PrintStream out) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("finished_at", Instant.now().toString());
    document.put("conditions", conditions);
    document.put(rowsName, rows);
    Files.writeString(dir.resolve("results.json"), JSON.writeValueAsString(document));
    String markdown = markdown();
    Files.writeString(dir.resolve("results.md"), markdown);
    out.println();
    out.println(markdown);
  }

  synchronized String markdown() {
    var md = new StringBuilder("# ").append(title).append("\n\n");
    conditions.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    return md.append('\n').append(table.apply(List.copyOf(rows))).toString();
  }

  private static String figureTable(List<Figure> figures) {
    var md =
        new StringBuilder("| scenario | metric | value | reference | ratio | target | met |\n");
    md.append("|---|---|---:|---|---:|---|---|\n");
    for (Figure f : figures) {
      md.append("| ")
          .append(f.scenario())
          .append(" | ")
          .append(f.metric())
          .append(" | ")
          .append(number(f.value()))
          .append(' ')
          .append(f.unit())
          .append(" | ")
          .append(
              f.reference() == null
                  ? ""
                  : f.reference() + ": " + number(f.referenceValue()) + ' ' + f.unit())
          .append(" | ")
          .append(
              f.ratio() == null
                  ? ""
                  : String.format(Locale.ROOT, f.ratio() < 0.01 ? "%.4f" : "%.3f", f.ratio()))
          .append(" | ")
          .append(f.target() == null ? "" : f.target())
          .append(" | ")
          .append(f.met() == null ? "" : f.met() ? "yes" : "**no**")
          .append(" |\n");
    }
    return md.toString();
  }

  private static String number(double value) {
    if (Math.abs(value) >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
