package dev.argus.api.llm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/monitoring/uptime} and its export over HTTP, reading {@code llm_probe_results}
 * rows written as the processor's sink writes them.
 */
class UptimeIT extends LlmApiTest {

  private static final String MODEL = "3f1b2c4d-0000-4000-8000-000000000001";
  private static final String OTHER = "3f1b2c4d-0000-4000-8000-000000000002";

  @Test
  void theHistoryIsNewestFirstWithEveryFieldAndFilters() {
    // Given
    probe("r1", MODEL, "2026-05-01T10:00:00Z", "up", null);
    probe("r2", MODEL, "2026-05-01T10:15:00Z", "down", "HTTP 500: overloaded");
    probe("r3", OTHER, "2026-05-01T10:30:00Z", "degraded", null);

    // When
    Response all = admin("GET", "/api/v1/monitoring/uptime", null);

    // Then
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().path("total").asInt()).isEqualTo(3);
    JsonNode newest = all.json().path("items").get(0);
    assertThat(newest.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "model_id",
            "model_name",
            "provider_type",
            "status",
            "latency_ms",
            "ttft_ms",
            "ttfo_ms",
            "tpot_ms",
            "tps",
            "output_tokens",
            "input_tokens",
            "reasoning_tokens",
            "token_source",
            "error",
            "run_id",
            "created_at");
    assertThat(newest.path("id").asString()).isEqualTo("r3");
    assertThat(newest.path("model_name").asString()).isEqualTo("llama3:8b");
    assertThat(newest.path("ttft_ms").asDouble()).isEqualTo(120.5);
    assertThat(newest.path("output_tokens").asInt()).isEqualTo(16);
    assertThat(newest.path("token_source").asString()).isEqualTo("usage");
    assertThat(newest.path("run_id").asString()).isEqualTo("run-1");
    assertThat(newest.path("created_at").asString()).isEqualTo("2026-05-01T10:30:00Z");

    assertThat(ids("/api/v1/monitoring/uptime?model_id=" + MODEL)).containsExactly("r2", "r1");
    assertThat(ids("/api/v1/monitoring/uptime?status=down")).containsExactly("r2");
    assertThat(ids("/api/v1/monitoring/uptime?since=2026-05-01T10:15:00Z"))
        .containsExactly("r3", "r2");
    assertThat(ids("/api/v1/monitoring/uptime?limit=1&offset=1")).containsExactly("r2");
    assertThat(admin("GET", "/api/v1/monitoring/uptime?limit=1", null).json().path("total").asInt())
        .isEqualTo(3);
    assertThat(admin("GET", "/api/v1/monitoring/uptime?limit=10000", null).status()).isEqualTo(200);
    assertThat(admin("GET", "/api/v1/monitoring/uptime?limit=10001", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/monitoring/uptime?status=sideways", null).status())
        .isEqualTo(422);
    assertThat(admin("GET", "/api/v1/monitoring/uptime?since=yesterday", null).status())
        .isEqualTo(422);
  }

  @Test
  void theCsvExportHasEveryColumnAndEscapesText() throws IOException {
    // Given
    probe("r1", MODEL, "2026-05-01T10:00:00Z", "down", "upstream said \"no\", then\nclosed");
    probe("r2", MODEL, "2026-05-01T11:00:00Z", "down", "=HYPERLINK(\"http://evil\")");
    probe("r3", OTHER, "2026-05-02T11:00:00Z", "up", null);

    // When
    Response csv =
        admin("GET", "/api/v1/monitoring/uptime/export?format=csv&end_date=2026-05-01", null);

    // Then
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<List<String>> records = parseCsv(csv.body());
    assertThat(records.get(0))
        .containsExactly(
            "id",
            "created_at",
            "model_id",
            "model_name",
            "display_name",
            "provider_id",
            "provider_type",
            "run_id",
            "status",
            "latency_ms",
            "ttft_ms",
            "ttfo_ms",
            "tpot_ms",
            "tps",
            "output_tokens",
            "input_tokens",
            "reasoning_tokens",
            "token_source",
            "error",
            "collector_id");
    assertThat(records).hasSize(3);
    assertThat(records.get(1).get(0)).isEqualTo("r1");
    assertThat(records.get(1).get(18)).isEqualTo("upstream said \"no\", then\nclosed");
    assertThat(records.get(1).get(10)).isEqualTo("120.5");
    assertThat(records.get(2).get(18)).isEqualTo("'=HYPERLINK(\"http://evil\")");
    assertThat(records.get(2).get(1)).isEqualTo("2026-05-01T11:00:00Z");
  }

  @Test
  void theJsonExportFiltersByModelAndTime() {
    // Given
    probe("r1", MODEL, "2026-05-01T10:00:00Z", "up", null);
    probe("r2", MODEL, "2026-05-03T10:00:00Z", "up", null);
    probe("r3", OTHER, "2026-05-02T10:00:00Z", "up", null);

    // When
    Response json =
        admin(
            "GET",
            "/api/v1/monitoring/uptime/export?format=json&model_id="
                + MODEL
                + "&start_date=2026-05-01T09:00:00Z",
            null);

    // Then
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.header("Content-Disposition")).contains("llm-uptime.json");
    JsonNode rows = json.json();
    assertThat(rows.isArray()).isTrue();
    assertThat(rows.valueStream().map(r -> r.path("id").asString()).toList())
        .containsExactly("r1", "r2");
    assertThat(rows.get(0).path("collector_id").asString()).isEqualTo("collector-1");
    assertThat(
            admin("GET", "/api/v1/monitoring/uptime/export?format=json&start_date=2026-06-01", null)
                .body())
        .isEqualTo("[]");
  }

  @Test
  void aLargeExportIsStreamedInChunks() {
    // Given: 20,000 probes, well beyond what one buffer holds
    rows.execute(
        """
        INSERT INTO llm_probe_results (ts, reading_id, model_id, model_name, status, latency_ms,
            error)
        SELECT timestamptz '2026-05-01T00:00:00Z' + make_interval(secs => n), 'bulk-' || n,
            '%s', 'llama3:8b', 'up', n, 'said, "hi"'
        FROM generate_series(1, 20000) AS n
        """
            .formatted(MODEL));

    // When
    Response csv = admin("GET", "/api/v1/monitoring/uptime/export?format=csv", null);

    // Then: no Content-Length known up front; the body comes in chunks as rows are read
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Length")).isNull();
    assertThat(csv.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(csv.body().lines().count()).isEqualTo(20_001);
    assertThat(csv.body().lines().skip(20_000).findFirst().orElseThrow())
        .startsWith("bulk-20000,")
        .endsWith(",\"said, \"\"hi\"\"\",");
  }

  @Test
  void theExportNeedsAKnownFormat() {
    Response missing = admin("GET", "/api/v1/monitoring/uptime/export", null);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().path("detail").asString())
        .isEqualTo("format is required: json or csv");
    assertThat(admin("GET", "/api/v1/monitoring/uptime/export?format=xml", null).status())
        .isEqualTo(422);
    assertThat(
            admin(
                    "GET",
                    "/api/v1/monitoring/uptime/export?format=csv&start_date=2026-05-02&end_date=2026-05-01",
                    null)
                .status())
        .isEqualTo(422);
    assertThat(
            admin(
                    "GET",
                    "/api/v1/monitoring/uptime/export?format=csv&model_id=" + UUID.randomUUID(),
                    null)
                .body()
                .lines()
                .count())
        .isEqualTo(1);
  }

  private List<String> ids(String path) {
    Response response = admin("GET", path, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
  }

  /** A probe as the sink writes it. */
  private void probe(String readingId, String modelId, String ts, String status, String error) {
    rows.execute(
        """
        INSERT INTO llm_probe_results (ts, reading_id, model_id, provider_id, provider_type,
            model_name, display_name, run_id, status, latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps,
            output_tokens, input_tokens, reasoning_tokens, token_source, error, collector_id)
        VALUES ('%s', '%s', '%s', gen_random_uuid(), 'ollama', 'llama3:8b', 'Llama 3', 'run-1',
            '%s', 900.25, 120.5, 130.0, 12.5, 80.0, 16, 12, NULL, 'usage', %s, 'collector-1')
        """
            .formatted(
                ts,
                readingId,
                modelId,
                status,
                error == null ? "NULL" : "'" + error.replace("'", "''") + "'"));
  }

  /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
  private static List<List<String>> parseCsv(String text) throws IOException {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    StringReader in = new StringReader(text);
    int c;
    while ((c = in.read()) != -1) {
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          if (in.read() == '"') {
            field.append('"');
          } else {
            in.reset();
            quoted = false;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        // Part of the CRLF record separator.
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append((char) c);
      }
    }
    return records;
  }
}
