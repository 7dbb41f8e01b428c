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
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one run, written as {@code results.json} and as a readable Markdown table. */
final class Results {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final List<Figure> figures = new ArrayList<>();
  private final Map<String, Object> conditions = new LinkedHashMap<>();

  synchronized void add(Figure figure) {
    figures.add(figure);
  }

  synchronized void condition(String name, Object value) {
    conditions.put(name, value);
  }

  synchronized void write(Path dir, PrintStream out) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("finished_at", Instant.now().toString());
    document.put("conditions", conditions);
    document.put("figures", figures);
    Files.writeString(dir.resolve("results.json"), JSON.writeValueAsString(document));
    String table = markdown();
    Files.writeString(dir.resolve("results.md"), table);
    out.println();
    out.println(table);
  }

  String markdown() {
    var md = new StringBuilder("# Argus benchmark results\n\n");
    conditions.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n| scenario | metric | value | reference | ratio | target | met |\n");
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
