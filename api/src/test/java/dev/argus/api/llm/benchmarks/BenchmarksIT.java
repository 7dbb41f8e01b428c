package dev.argus.api.llm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.ModelStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.Summary;
import dev.argus.contract.llm.LlmJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/benchmarks} over HTTP against a real PostgreSQL and broker: a started run reaches
 * {@code argus.llm.jobs}; what the processor stored is served as results, progress and statistics.
 */
class BenchmarksIT extends BenchmarksAndAlertsApiTest {

  private final BenchmarkRows processor = new BenchmarkRows(rows);

  @Test
  void aStartedRunIsPendingAndItsJobReachesTheCollectorsTopic() {
    // Given
    UUID fast = model("gpt-4.1");
    UUID slow = model("llama3:8b");

    // When
    Response started =
        admin(
            "POST",
            "/api/v1/benchmarks",
            """
            {"model_ids": ["%s", "%s", "%s"], "prompt_pack": "short_answer", "name": "nightly",
             "num_runs": 5, "concurrency": 2}
            """
                .formatted(fast, slow, fast));

    // Then
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    JsonNode body = started.json();
    String id = body.path("id").asString();
    assertThat(body.path("status").asString()).isEqualTo("pending");
    assertThat(body.path("message").asString()).contains("2 model(s)", id);

    List<ConsumerRecord<String, byte[]>> jobs =
        readUntil(
            Topics.LLM_JOBS.name(),
            records -> records.stream().anyMatch(r -> job(r).runId().equals(id)));
    LlmJob job =
        jobs.stream()
            .map(BenchmarksIT::job)
            .filter(j -> j.runId().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(job.kind()).isEqualTo(LlmJob.BENCHMARK);
    assertThat(job.modelIds()).containsExactly(fast.toString(), slow.toString());
    assertThat(job.promptPack()).isEqualTo("short_answer");
    assertThat(job.maxTokens()).isEqualTo(200);
    assertThat(job.numRuns()).isEqualTo(5);
    assertThat(job.concurrency()).isEqualTo(2);
    assertThat(job.warmupRuns()).isEqualTo(1);

    JsonNode run = admin("GET", "/api/v1/benchmarks/" + id, null).json();
    assertThat(run.path("status").asString()).isEqualTo("pending");
    assertThat(run.path("name").asString()).isEqualTo("nightly");
    assertThat(run.path("total").asInt()).isEqualTo(10);
    assertThat(run.path("completed").asInt()).isZero();
    assertThat(run.path("results").isEmpty()).isTrue();
    assertThat(run.path("statistics").isNull()).isTrue();
    assertThat(run.path("started_at").isNull()).isTrue();
  }

  @Test
  void invalidRequestsAre422NamingTheProblemAndWriteNothing() {
    UUID known = model("gpt-4.1");
    UUID unknown = UUID.randomUUID();

    assertUnprocessable("{\"prompt_pack\": \"health_check\"}", "model_ids must name at least one");
    assertUnprocessable(
        "{\"model_ids\": [], \"prompt_pack\": \"health_check\"}",
        "model_ids must name at least one model");
    assertUnprocessable(
        "{\"model_ids\": [\"%s\", \"%s\"], \"prompt_pack\": \"health_check\"}"
            .formatted(known, unknown),
        "model_ids: no model " + unknown);
    assertUnprocessable(
        "{\"model_ids\": [\"%s\"], \"prompt_pack\": \"poetry\"}".formatted(known),
        "prompt_pack 'poetry' does not exist; use one of health_check, short_answer,"
            + " long_answer, reasoning");
    assertUnprocessable(
        "{\"model_ids\": [\"%s\"], \"prompt_pack\": \"reasoning\", \"max_tokens\": 4097,"
                .formatted(known)
            + " \"num_runs\": 0, \"concurrency\": 11, \"warmup_runs\": 6}",
        "concurrency must be between 1 and 10; max_tokens must be between 1 and 4096; num_runs"
            + " must be between 1 and 10; warmup_runs must be between 0 and 5");
    assertUnprocessable(
        "{\"model_ids\": [\"not-a-uuid\"], \"prompt_pack\": \"reasoning\"}", "model_ids[0]");

    assertThat(rows.count("SELECT count(*) FROM llm_benchmark_runs")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void theListPagesNewestFirstAndFiltersByStatus() {
    // Given
    UUID model = model("gpt-4.1");
    String first = start(model, "first");
    String second = start(model, "second");
    String third = start(model, "third");
    processor.progress(UUID.fromString(second), "running", 1, 3, null);
    processor.progress(UUID.fromString(third), "completed", 3, 3, null);

    // When
    JsonNode all = admin("GET", "/api/v1/benchmarks", null).json();
    JsonNode page = admin("GET", "/api/v1/benchmarks?limit=1&offset=1", null).json();
    JsonNode pending = admin("GET", "/api/v1/benchmarks?status=pending", null).json();
    JsonNode running = admin("GET", "/api/v1/benchmarks?status=running", null).json();

    // Then
    assertThat(all.path("total").asLong()).isEqualTo(3);
    assertThat(ids(all.path("runs"))).containsExactly(third, second, first);
    assertThat(all.path("runs").get(0).path("status").asString()).isEqualTo("completed");
    assertThat(page.path("total").asLong()).isEqualTo(3);
    assertThat(ids(page.path("runs"))).containsExactly(second);
    assertThat(ids(pending.path("runs"))).containsExactly(first);
    assertThat(pending.path("total").asLong()).isEqualTo(1);
    assertThat(ids(running.path("runs"))).containsExactly(second);

    Response badStatus = admin("GET", "/api/v1/benchmarks?status=done", null);
    assertThat(badStatus.status()).isEqualTo(422);
    assertThat(badStatus.json().path("detail").asString())
        .isEqualTo("status must be one of pending, running, completed, failed, got 'done'");
    assertThat(admin("GET", "/api/v1/benchmarks?limit=0", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/benchmarks?limit=201", null).status()).isEqualTo(422);
    assertThat(admin("GET", "/api/v1/benchmarks?offset=-1", null).status()).isEqualTo(422);
  }

  @Test
  void aRunServesTheResultsAndStatisticsTheProcessorStored() {
    // Given
    UUID a = model("gpt-4.1");
    UUID b = model("llama3:8b");
    UUID run = UUID.fromString(start(List.of(a, b), "compare"));
    String r1 = processor.result(run, a, 1, 100.0, 50.0, 1);
    String r2 = processor.result(run, b, 1, 300.0, 20.0, 2);
    String r3 = processor.failure(run, b, 2, "stream cut, \"no usage\"", 3);
    processor.progress(run, "completed", 3, 6, null);
    processor.statistics(
        new BenchmarkStatistics(
            run.toString(),
            3,
            1,
            105.0,
            290.0,
            298.0,
            21.5,
            48.5,
            49.7,
            Map.of(
                a.toString(),
                new ModelStatistics(
                    1,
                    0,
                    new Summary(100.0, 100.0, 100.0, 100.0, 100.0, 100.0),
                    new Summary(4.2, 4.2, 4.2, 4.2, 4.2, 4.2),
                    new Summary(900.5, 900.5, 900.5, 900.5, 900.5, 900.5),
                    new Summary(50.0, 50.0, 50.0, 50.0, 50.0, 50.0)),
                b.toString(),
                new ModelStatistics(
                    2,
                    1,
                    new Summary(300.0, 300.0, 300.0, 300.0, 300.0, 300.0),
                    null,
                    new Summary(900.5, 900.5, 900.5, 900.5, 900.5, 900.5),
                    new Summary(20.0, 20.0, 20.0, 20.0, 20.0, 20.0))),
            Instant.parse("2026-12-03T10:05:00Z")));

    // When
    JsonNode detail = admin("GET", "/api/v1/benchmarks/" + run, null).json();
    JsonNode results = admin("GET", "/api/v1/benchmarks/" + run + "/results", null).json();

    // Then
    assertThat(detail.path("status").asString()).isEqualTo("completed");
    assertThat(detail.path("completed").asInt()).isEqualTo(3);
    assertThat(detail.path("total").asInt()).isEqualTo(6);
    assertThat(detail.path("started_at").asString()).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(detail.path("completed_at").asString()).isEqualTo("2026-12-03T10:05:00Z");
    assertThat(ids(detail.path("results"))).containsExactly(r1, r2, r3);
    JsonNode first = detail.path("results").get(0);
    assertThat(first.path("model_id").asString()).isEqualTo(a.toString());
    assertThat(first.path("ttft_ms").asDouble()).isEqualTo(100.0);
    assertThat(first.path("tps").asDouble()).isEqualTo(50.0);
    assertThat(first.path("token_source").asString()).isEqualTo("usage");
    assertThat(detail.path("results").get(2).path("success").asBoolean()).isFalse();

    JsonNode stats = detail.path("statistics");
    assertThat(stats.path("n").asInt()).isEqualTo(3);
    assertThat(stats.path("errors").asInt()).isEqualTo(1);
    assertThat(stats.path("ttft_p50").asDouble()).isEqualTo(105.0);
    assertThat(stats.path("ttft_p95").asDouble()).isEqualTo(290.0);
    assertThat(stats.path("ttft_p99").asDouble()).isEqualTo(298.0);
    assertThat(stats.path("tps_p50").asDouble()).isEqualTo(21.5);
    assertThat(stats.path("tps_p95").asDouble()).isEqualTo(48.5);
    assertThat(stats.path("tps_p99").asDouble()).isEqualTo(49.7);
    JsonNode ofB = stats.path("by_model").path(b.toString());
    assertThat(ofB.path("n").asInt()).isEqualTo(2);
    assertThat(ofB.path("errors").asInt()).isEqualTo(1);
    assertThat(ofB.path("ttft_ms").path("p95").asDouble()).isEqualTo(300.0);
    assertThat(ofB.path("tpot_ms").path("p50").isNull()).isTrue();
    assertThat(stats.path("by_model").path(a.toString()).path("tps").path("max").asDouble())
        .isEqualTo(50.0);

    assertThat(results.path("run_id").asString()).isEqualTo(run.toString());
    assertThat(results.path("total").asInt()).isEqualTo(3);
    assertThat(ids(results.path("items"))).containsExactly(r1, r2, r3);
  }

  @Test
  void theExportStreamsJsonOrCsv() {
    // Given
    UUID a = model("gpt-4.1");
    UUID run = UUID.fromString(start(a, "export"));
    String ok = processor.result(run, a, 1, 100.0, 50.0, 1);
    String failed = processor.failure(run, a, 2, "cut, \"no usage\"", 2);

    // When
    Response json = admin("GET", "/api/v1/benchmarks/" + run + "/export?format=json", null);
    Response byDefault = admin("GET", "/api/v1/benchmarks/" + run + "/export", null);
    Response csv = admin("GET", "/api/v1/benchmarks/" + run + "/export?format=csv", null);

    // Then
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"benchmark-" + run + ".json\"");
    assertThat(ids(json.json())).containsExactly(ok, failed);
    assertThat(json.json().get(0).path("ttft_ms").asDouble()).isEqualTo(100.0);
    assertThat(byDefault.body()).isEqualTo(json.body());

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .isEqualTo(
            "id,run_id,model_id,model_name,provider_type,iteration,success,error,latency_ms,"
                + "ttft_ms,ttfo_ms,tpot_ms,tps,output_tokens,input_tokens,reasoning_tokens,"
                + "token_source,created_at");
    assertThat(lines[1])
        .isEqualTo(
            ok
                + ","
                + run
                + ","
                + a
                + ",gpt-4.1,openai,1,true,,900.5,100.0,100.0,4.2,50.0,200,12,,usage,"
                + "2026-12-03T10:00:01Z");
    assertThat(lines[2]).contains(",false,\"cut, \"\"no usage\"\"\",");

    Response badFormat = admin("GET", "/api/v1/benchmarks/" + run + "/export?format=xml", null);
    assertThat(badFormat.status()).isEqualTo(422);
    assertThat(badFormat.json().path("detail").asString())
        .isEqualTo("format must be json or csv, got 'xml'");
  }

  @Test
  void unknownRunsAre404AndMalformedIds422() {
    UUID unknown = UUID.randomUUID();
    for (String path :
        List.of(
            "/api/v1/benchmarks/" + unknown,
            "/api/v1/benchmarks/" + unknown + "/results",
            "/api/v1/benchmarks/" + unknown + "/export?format=csv")) {
      Response response = admin("GET", path, null);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json().path("detail").asString())
          .isEqualTo("Benchmark run " + unknown + " not found");
    }
    assertThat(admin("GET", "/api/v1/benchmarks/nope", null).status()).isEqualTo(422);
  }

  @Test
  void readsNeedReadModelsAndStartingARunWriteModels() {
    UUID model = model("gpt-4.1");
    String reader = newKey("\"read:models\"");
    String targets = newKey("\"read:targets\"");
    String body = "{\"model_ids\": [\"%s\"], \"prompt_pack\": \"health_check\"}".formatted(model);

    assertThat(as(reader, "GET", "/api/v1/benchmarks", null).status()).isEqualTo(200);
    assertThat(as(reader, "POST", "/api/v1/benchmarks", body).status()).isEqualTo(403);
    assertThat(as(targets, "GET", "/api/v1/benchmarks", null).status()).isEqualTo(403);
    assertThat(api.send("GET", "/api/v1/benchmarks").status()).isEqualTo(401);
    assertThat(api.send("POST", "/api/v1/benchmarks", body).status()).isEqualTo(401);
    assertThat(rows.count("SELECT count(*) FROM llm_benchmark_runs")).isZero();
  }

  private String start(UUID model, String name) {
    return start(List.of(model), name);
  }

  private String start(List<UUID> models, String name) {
    String ids = String.join("\", \"", models.stream().map(UUID::toString).toList());
    Response started =
        admin(
            "POST",
            "/api/v1/benchmarks",
            "{\"model_ids\": [\"%s\"], \"prompt_pack\": \"health_check\", \"name\": \"%s\"}"
                .formatted(ids, name));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    return started.json().path("id").asString();
  }

  private void assertUnprocessable(String body, String detail) {
    Response response = admin("POST", "/api/v1/benchmarks", body);
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).contains(detail);
  }

  private static List<String> ids(JsonNode array) {
    return array.valueStream().map(item -> item.path("id").asString()).toList();
  }

  private static LlmJob job(ConsumerRecord<String, byte[]> record) {
    return Topics.LLM_JOBS.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }
}
