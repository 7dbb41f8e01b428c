package dev.argus.contract.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.grafana.GrafanaDashboards.Dashboard;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards are what Grafana's file provisioning accepts and can show: unique uids and titles,
 * panels with ids and places, every data source reference naming a provisioned data source, SQL
 * written as raw queries, and Prometheus queries using only the metric names the services publish.
 */
class DashboardProvisioningTest {

  /** The names the services export (design of issue 15, "Metrics"). */
  private static final Set<String> PUBLISHED_METRICS =
      Set.of(
          "argus_target_up",
          "argus_target_response_time_seconds",
          "argus_model_up",
          "argus_model_ttft_seconds",
          "argus_camera_up",
          "argus_ai_cost_usd_total",
          "argus_outbox_pending_records",
          "argus_kafka_consumer_lag_records",
          "argus_sink_batch_records",
          "argus_sink_batch_seconds",
          "argus_sink_retries_total",
          "argus_dead_letters_total",
          "argus_polls_total",
          "argus_readings_sent_total",
          "argus_send_failures_total");

  private static final Pattern METRIC =
      Pattern.compile(
          "\\b(argus_\\w+|http_server_requests_seconds\\w*|jvm_\\w+|kafka_stream_\\w+)");

  @Test
  void everyDashboardIsValidProvisioning() {
    List<Dashboard> dashboards = GrafanaDashboards.load();
    Map<String, String> datasourceTypes = new java.util.HashMap<>();
    for (Map<String, Object> ds : datasources()) {
      datasourceTypes.put((String) ds.get("uid"), (String) ds.get("type"));
    }

    assertThat(dashboards)
        .extracting(Dashboard::uid)
        .containsExactlyInAnyOrder(
            "argus-power",
            "argus-energy",
            "argus-targets",
            "argus-llm",
            "argus-cameras",
            "argus-self")
        .allMatch(uid -> uid.matches("[a-z0-9-]{1,40}"), "a uid of at most 40 characters");
    assertThat(dashboards)
        .extracting(Dashboard::title)
        .doesNotHaveDuplicates()
        .allMatch(t -> !t.isBlank());

    List<String> problems = new ArrayList<>();
    for (Dashboard d : dashboards) {
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : d.panels()) {
        String where = d.file().getFileName() + " / " + panel.path("title").asString();
        if (!ids.add(panel.path("id").asInt(-1)) || !panel.path("gridPos").has("w")) {
          problems.add(where + ": needs a unique id and a gridPos");
        }
        if (panel.path("targets").isEmpty() && !"row".equals(panel.path("type").asString())) {
          problems.add(where + ": has no query");
        }
        checkDatasource(where, panel.path("datasource"), datasourceTypes, problems);
        for (JsonNode target : panel.path("targets")) {
          JsonNode ds = GrafanaDashboards.datasourceOf(panel, target);
          checkDatasource(where, ds, datasourceTypes, problems);
          if (GrafanaDashboards.isPostgres(ds)
              && (!target.path("rawQuery").asBoolean()
                  || target.path("rawSql").asString("").isBlank())) {
            problems.add(where + ": a SQL target must be a raw query with rawSql");
          }
          if ("prometheus".equals(ds.path("type").asString())) {
            checkMetricNames(where, target.path("expr").asString(""), problems);
          }
        }
      }
      for (JsonNode variable : d.variables()) {
        if (variable.has("datasource")) {
          checkDatasource(
              d.file().getFileName() + " / $" + variable.path("name").asString(),
              variable.path("datasource"),
              datasourceTypes,
              problems);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theDashboardProviderReadsTheMountedDirectory() throws IOException {
    Path compose = GrafanaDashboards.home().resolve("../../docker-compose.yml").normalize();
    String mount = "./infra/grafana/dashboards:";
    String composeText = Files.readString(compose);
    int at = composeText.indexOf(mount);
    assertThat(at).as("docker-compose mounts the dashboards").isPositive();
    String mountedAt = composeText.substring(at + mount.length()).split("[:\\s]")[0];

    List<Map<String, Object>> providers = yamlList("dashboards", "providers");
    assertThat(providers)
        .extracting(p -> (Object) ((Map<?, ?>) p.get("options")).get("path"))
        .containsExactly((Object) mountedAt);
  }

  private static void checkMetricNames(String where, String expr, List<String> problems) {
    Matcher m = METRIC.matcher(expr);
    if (!m.find()) {
      problems.add(where + ": no Argus, HTTP, JVM or Streams metric in " + expr);
    }
    m.reset();
    while (m.find()) {
      String name = m.group(1);
      boolean published =
          name.startsWith("jvm_")
              || name.startsWith("kafka_stream_")
              || name.startsWith("http_server_requests_seconds")
              || PUBLISHED_METRICS.stream()
                  .anyMatch(
                      p -> name.equals(p) || name.matches(Pattern.quote(p) + "_(sum|count|max)"));
      if (!published) {
        problems.add(where + ": " + name + " is not a metric the services publish");
      }
    }
  }

  private static void checkDatasource(
      String where, JsonNode ref, Map<String, String> types, List<String> problems) {
    if (ref.isMissingNode() || ref.isNull()) {
      return;
    }
    String uid = ref.path("uid").asString("");
    if (!types.containsKey(uid)) {
      problems.add(where + ": data source uid '" + uid + "' is not provisioned");
    } else if (!types.get(uid).equals(ref.path("type").asString(""))) {
      problems.add(where + ": data source " + uid + " is of type " + types.get(uid));
    }
  }

  /** Every provisioned data source (name, uid, type, jsonData...). */
  static List<Map<String, Object>> datasources() {
    return yamlList("datasources", "datasources");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> yamlList(String directory, String key) {
    List<Map<String, Object>> all = new ArrayList<>();
    try (Stream<Path> files =
        Files.list(GrafanaDashboards.home().resolve("provisioning").resolve(directory))) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(file)) {
          Map<String, Object> doc = new Yaml().load(in);
          all.addAll((List<Map<String, Object>>) doc.get(key));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }
}
