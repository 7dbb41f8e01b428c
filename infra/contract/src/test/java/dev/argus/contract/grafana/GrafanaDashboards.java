package dev.argus.contract.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provisioned Grafana dashboards and data sources of {@code infra/grafana}, as files. */
final class GrafanaDashboards {

  static final String POSTGRES_TYPE = "grafana-postgresql-datasource";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One dashboard file. */
  record Dashboard(Path file, JsonNode json) {
    String uid() {
      return json.path("uid").asString("");
    }

    String title() {
      return json.path("title").asString("");
    }

    /** Every panel, those nested in collapsed rows included. */
    List<JsonNode> panels() {
      List<JsonNode> all = new ArrayList<>();
      for (JsonNode panel : json.path("panels")) {
        all.add(panel);
        panel.path("panels").forEach(all::add);
      }
      return all;
    }

    List<JsonNode> variables() {
      List<JsonNode> list = new ArrayList<>();
      json.path("templating").path("list").forEach(list::add);
      return list;
    }
  }

  private GrafanaDashboards() {}

  /** {@code infra/grafana} of this checkout, found from the module's working directory. */
  static Path home() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("infra/grafana");
      if (Files.isDirectory(candidate.resolve("dashboards"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("infra/grafana/dashboards not found above " + Path.of(""));
  }

  static List<Dashboard> load() {
    try (Stream<Path> files = Files.list(home().resolve("dashboards"))) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .map(f -> new Dashboard(f, JSON.readTree(read(f))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data source a target uses: its own, else its panel's. */
  static JsonNode datasourceOf(JsonNode panel, JsonNode target) {
    JsonNode own = target.path("datasource");
    return own.isObject() ? own : panel.path("datasource");
  }

  static boolean isPostgres(JsonNode datasource) {
    return POSTGRES_TYPE.equals(datasource.path("type").asString(""));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
