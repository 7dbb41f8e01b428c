package dev.argus.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.argus.contract.Topics;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.ModelStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.Summary;
import dev.argus.contract.llm.LlmEventType;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmStatus;
import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.testing.EmbeddedDatabase;
import dev.argus.processor.system.DatabaseConfiguration;
import dev.argus.processor.system.DatabaseProperties;
import dev.argus.processor.system.DeadLetterHeaders;
import dev.argus.processor.testing.LlmProbeBuilder;
import dev.argus.processor.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The LLM tables written by the sink's production lanes, against a real in-JVM broker and a real
 * embedded PostgreSQL; each test uses its own model and run ids, database and consumer groups.
 */
class LlmSinkIT {

  private static final Instant T0 = Instant.parse("2026-05-27T10:00:00Z");
  private static final Duration STORED_WITHIN = Duration.ofSeconds(30);
  private static final List<String> LLM_TOPICS =
      List.of(
          Topics.READINGS_LLM.name(),
          Topics.LLM_STATUS.name(),
          Topics.LLM_BENCHMARK.name(),
          Topics.LLM_BENCHMARK_STATS.name(),
          Topics.EVENTS.name());

  private static TestKafka kafka;

  private final List<ProductionLanes> sinks = new ArrayList<>();
  private HikariDataSource dataSource;
  private JdbcTemplate db;
  private String model;
  private String run;

  @BeforeAll
  static void startBroker() {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @BeforeEach
  void freshDatabase() {
    dataSource =
        DatabaseConfiguration.pooledDataSource(
            new DatabaseProperties(
                EmbeddedDatabase.freshDatabase(), "postgres", "", Duration.ofSeconds(2)));
    ArgusSchema.migrate(dataSource);
    db = new JdbcTemplate(dataSource);
    model = UUID.randomUUID().toString();
    run = UUID.randomUUID().toString();
  }

  @AfterEach
  void stopSinks() {
    sinks.forEach(ProductionLanes::stop);
    dataSource.close();
  }

  private ProductionLanes startSink() {
    var settings =
        new SinkProperties(
            "llm-sink-test-" + UUID.randomUUID(),
            2000,
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    var sink = ProductionLanes.start(kafka.properties(), settings, dataSource);
    sinks.add(sink);
    return sink;
  }

  private LlmProbeBuilder probe(int secondsAfterT0) {
    return LlmProbeBuilder.model(model).at(T0.plusSeconds(secondsAfterT0));
  }

  private void sendProbes(LlmProbeReading... probes) {
    kafka.send(Topics.READINGS_LLM, List.of(probes), LlmProbeReading::modelId);
  }

  private void sendBenchmark(BenchmarkEvent... events) {
    kafka.send(Topics.LLM_BENCHMARK, List.of(events), BenchmarkEvent::runId);
  }

  private BenchmarkEvent benchmark(
      String type, int secondsAfterT0, int completed, LlmProbeReading result, String error) {
    return new BenchmarkEvent(
        1, run, type, T0.plusSeconds(secondsAfterT0), completed, 3, model, result, error);
  }

  private LlmModelStatus status(int secondsAfterT0, LlmStatus status, int failures) {
    return new LlmModelStatus(
        model,
        "gpt-4.1",
        "GPT",
        LlmProbeBuilder.PROVIDER,
        "openai",
        status,
        T0,
        T0.plusSeconds(secondsAfterT0),
        failures,
        120.0,
        900.0,
        failures > 0 ? "HTTP 500" : null);
  }

  private BenchmarkStatistics statistics(int secondsAfterT0, int n) {
    Summary ttft = new Summary(100.0 * n, 150.0, 160.0, 110.0, 90.0, 170.0);
    return new BenchmarkStatistics(
        run,
        n,
        0,
        100.0 * n,
        150.0,
        160.0,
        40.0,
        45.0,
        46.0,
        Map.of(model, new ModelStatistics(n, 0, ttft, ttft, ttft, ttft)),
        T0.plusSeconds(secondsAfterT0));
  }

  private DerivedEvent alert(
      LlmEventType type, String alertId, String ruleId, int secondsAfterT0, String message) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("alert_id", alertId);
    metadata.put("rule_id", ruleId);
    metadata.put("rule_name", "Any model down");
    metadata.put("rule_type", "any_model_down");
    metadata.put("model_id", model);
    metadata.put("model_name", "gpt-4.1");
    metadata.put("message", message);
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        DerivedEvent.SOURCE_LLM,
        model,
        type.wireName(),
        type.severity(),
        T0.plusSeconds(secondsAfterT0),
        metadata);
  }

  private boolean caughtUp(ProductionLanes sink) {
    return sink.caughtUp(kafka, LLM_TOPICS);
  }

  private long count(String sql, Object... args) {
    return db.queryForObject(sql, Long.class, args);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Object column) {
    return ((Timestamp) column).toInstant();
  }

  private Map<String, Object> statusRow() {
    return db.queryForMap(
        "SELECT status, since, last_checked_at, consecutive_failures, last_error, model_name"
            + " FROM llm_model_status WHERE model_id = ?::uuid",
        model);
  }

  private List<Map<String, Object>> alertRows() {
    return db.queryForList(
        "SELECT id::text AS id, rule_id::text AS rule_id, rule_name, rule_type,"
            + " model_id::text AS model_id, subject, severity, message, opened_at, resolved_at,"
            + " acknowledged FROM llm_alerts WHERE subject = ? ORDER BY opened_at",
        model);
  }

  private Map<String, Object> progressRow() {
    return db.queryForMap(
        "SELECT status, completed, total, started_at, completed_at, error"
            + " FROM llm_benchmark_progress WHERE run_id = ?::uuid",
        run);
  }

  @Test
  void everyLlmTableIsWrittenAndAReplayChangesNothing() {
    // Given probes, statuses (the newest first), a benchmark run with its statistics (the newest
    // first), and two alerts of which one recovered
    sendProbes(
        probe(0).build(), probe(60).down("HTTP 500").build(), probe(120).ttft(9_000.0).build());
    kafka.send(
        Topics.LLM_STATUS,
        List.of(status(60, LlmStatus.DOWN, 1), status(0, LlmStatus.UP, 0)),
        LlmModelStatus::modelId);
    LlmProbeReading first = probe(10).run(run).iteration(1).build();
    LlmProbeReading second = probe(11).run(run).iteration(2).down("HTTP 529").build();
    sendBenchmark(
        benchmark(BenchmarkEvent.STARTED, 9, 0, null, null),
        benchmark(BenchmarkEvent.RESULT, 10, 1, first, null),
        benchmark(BenchmarkEvent.RESULT, 11, 2, second, null));
    kafka.send(
        Topics.LLM_BENCHMARK_STATS,
        List.of(statistics(11, 2), statistics(10, 1)),
        BenchmarkStatistics::runId);
    String rule = UUID.randomUUID().toString();
    String recoveredAlert = UUID.randomUUID().toString();
    String openAlert = UUID.randomUUID().toString();
    kafka.send(
        Topics.EVENTS,
        List.of(
            alert(LlmEventType.MODEL_DOWN, recoveredAlert, rule, 60, "gpt-4.1 is down: HTTP 500"),
            alert(LlmEventType.RECOVERED, recoveredAlert, rule, 120, "gpt-4.1 answers again"),
            alert(LlmEventType.MODEL_DOWN, openAlert, rule, 180, "gpt-4.1 is down: timeout")),
        DerivedEvent::subjectId);

    // When the production lanes store them
    ProductionLanes sink = startSink();
    await().atMost(STORED_WITHIN).until(() -> caughtUp(sink));

    // Then every probe is a row with its status judged from the reading
    assertThat(
            db.queryForList(
                "SELECT status FROM llm_probe_results WHERE model_id = ?::uuid ORDER BY ts",
                String.class,
                model))
        .containsExactly("up", "down", "degraded");
    Map<String, Object> down =
        db.queryForMap(
            "SELECT error, run_id, provider_type, token_source, collector_id"
                + " FROM llm_probe_results WHERE model_id = ?::uuid AND ts = ?",
            model,
            T0.plusSeconds(60).atOffset(ZoneOffset.UTC));
    assertThat(down)
        .containsEntry("error", "HTTP 500")
        .containsEntry("run_id", "run-1")
        .containsEntry("provider_type", "openai")
        .containsEntry("collector_id", "collector-1");
    // And the model's status is the newest, though it came first
    Map<String, Object> status = statusRow();
    assertThat(status)
        .containsEntry("status", "down")
        .containsEntry("consecutive_failures", 1)
        .containsEntry("last_error", "HTTP 500")
        .containsEntry("model_name", "gpt-4.1");
    assertThat(instant(status.get("last_checked_at"))).isEqualTo(T0.plusSeconds(60));
    // And the benchmark's results, progress and newest statistics
    assertThat(
            db.queryForList(
                "SELECT success FROM llm_benchmark_results WHERE run_id = ?::uuid ORDER BY"
                    + " iteration",
                Boolean.class,
                run))
        .containsExactly(true, false);
    Map<String, Object> progress = progressRow();
    assertThat(progress)
        .containsEntry("status", "running")
        .containsEntry("completed", 2)
        .containsEntry("total", 3);
    assertThat(instant(progress.get("started_at"))).isEqualTo(T0.plusSeconds(9));
    assertThat(progress.get("completed_at")).isNull();
    Map<String, Object> stored =
        db.queryForMap(
            "SELECT (statistics->>'n')::int AS n, (statistics->>'ttft_p50')::float8 AS ttft_p50,"
                + " (statistics->'by_model'->?->>'n')::int AS model_n, updated_at"
                + " FROM llm_benchmark_statistics WHERE run_id = ?::uuid",
            model,
            run);
    assertThat(stored)
        .containsEntry("n", 2)
        .containsEntry("ttft_p50", 200.0)
        .containsEntry("model_n", 2);
    // And the alerts: one resolved, one open, with rule, subject, severity and message
    List<Map<String, Object>> alerts = alertRows();
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0))
        .containsEntry("id", recoveredAlert)
        .containsEntry("rule_id", rule)
        .containsEntry("rule_name", "Any model down")
        .containsEntry("rule_type", "any_model_down")
        .containsEntry("model_id", model)
        .containsEntry("severity", "high")
        .containsEntry("message", "gpt-4.1 is down: HTTP 500")
        .containsEntry("acknowledged", false);
    assertThat(instant(alerts.get(0).get("opened_at"))).isEqualTo(T0.plusSeconds(60));
    assertThat(instant(alerts.get(0).get("resolved_at"))).isEqualTo(T0.plusSeconds(120));
    assertThat(alerts.get(1)).containsEntry("id", openAlert).containsEntry("resolved_at", null);
    sink.stop();

    // When the api acknowledges an alert and a sink in new groups replays everything
    db.update("UPDATE llm_alerts SET acknowledged = true WHERE id = ?::uuid", recoveredAlert);
    List<Map<String, Object>> acknowledged = alertRows();
    ProductionLanes replay = startSink();
    await().atMost(STORED_WITHIN).until(() -> caughtUp(replay));

    // Then it wrote them again, and nothing changed
    assertThat(replay.counters().llmRows()).isGreaterThanOrEqualTo(11);
    assertThat(count("SELECT count(*) FROM llm_probe_results WHERE model_id = ?::uuid", model))
        .isEqualTo(3);
    assertThat(count("SELECT count(*) FROM llm_benchmark_results WHERE run_id = ?::uuid", run))
        .isEqualTo(2);
    assertThat(statusRow()).isEqualTo(status);
    assertThat(progressRow()).isEqualTo(progress);
    assertThat(alertRows()).isEqualTo(acknowledged);
    assertThat(acknowledged.get(0)).containsEntry("acknowledged", true);
  }

  @Test
  void benchmarkProgressNeverMovesBackwards() {
    // Given a run that completed, whose earlier events arrive again afterwards
    LlmProbeReading result = probe(10).run(run).iteration(1).build();
    sendBenchmark(
        benchmark(BenchmarkEvent.STARTED, 9, 0, null, null),
        benchmark(BenchmarkEvent.RESULT, 10, 3, result, null),
        benchmark(BenchmarkEvent.COMPLETED, 20, 3, null, null));
    ProductionLanes sink = startSink();
    await().atMost(STORED_WITHIN).until(() -> caughtUp(sink));
    Map<String, Object> completed = progressRow();
    assertThat(completed).containsEntry("status", "completed").containsEntry("completed", 3);
    assertThat(instant(completed.get("completed_at"))).isEqualTo(T0.plusSeconds(20));

    // When a late started, a lower count and a failure follow
    sendBenchmark(
        benchmark(BenchmarkEvent.STARTED, 30, 0, null, null),
        benchmark(BenchmarkEvent.RESULT, 31, 1, probe(31).run(run).iteration(9).build(), null),
        benchmark(BenchmarkEvent.FAILED, 32, 1, null, "collector stopped"));
    await().atMost(STORED_WITHIN).until(() -> caughtUp(sink));

    // Then the run stays completed with its count and times
    assertThat(progressRow()).isEqualTo(completed);
  }

  @Test
  void aFailedRunKeepsItsError() {
    sendBenchmark(
        benchmark(BenchmarkEvent.STARTED, 9, 0, null, null),
        benchmark(BenchmarkEvent.FAILED, 12, 1, null, "provider unreachable"));
    ProductionLanes sink = startSink();
    await().atMost(STORED_WITHIN).until(() -> caughtUp(sink));

    assertThat(progressRow())
        .containsEntry("status", "failed")
        .containsEntry("error", "provider unreachable");
  }

  @Test
  void unstorableLlmRecordsAreDeadLetteredAndTheOthersStored() {
    ProductionLanes sink = startSink();

    // A probe of a model that is no UUID, garbage on the benchmark topic, an alert without its id
    sendProbes(LlmProbeBuilder.model("gpt-4.1").at(T0).build());
    kafka.sendRaw(
        Topics.LLM_BENCHMARK.name(),
        model.getBytes(StandardCharsets.UTF_8),
        "{garbage".getBytes(StandardCharsets.UTF_8));
    DerivedEvent noAlertId = alert(LlmEventType.MODEL_DOWN, model, model, 0, "down");
    Map<String, Object> metadata = new LinkedHashMap<>(noAlertId.metadata());
    metadata.remove("alert_id");
    kafka.send(
        Topics.EVENTS,
        List.of(
            new DerivedEvent(
                1,
                noAlertId.eventId(),
                DerivedEvent.SOURCE_LLM,
                model,
                noAlertId.eventType(),
                noAlertId.severity(),
                noAlertId.timestamp(),
                metadata)),
        DerivedEvent::subjectId);
    sendProbes(probe(0).build());

    // Then the good probe is stored and the three others are dead letters saying why
    await()
        .atMost(STORED_WITHIN)
        .until(
            () ->
                count("SELECT count(*) FROM llm_probe_results WHERE model_id = ?::uuid", model)
                    == 1);
    await().atMost(STORED_WITHIN).until(() -> deadLetters(sink).size() == 3);
    assertThat(deadLetters(sink))
        .extracting(r -> header(r, DeadLetterHeaders.MESSAGE))
        .anySatisfy(m -> assertThat(m).contains("model_id is not a UUID"))
        .anySatisfy(m -> assertThat(m).contains("Malformed BenchmarkEvent"))
        .anySatisfy(m -> assertThat(m).contains("metadata.alert_id is required"));
    assertThat(count("SELECT count(*) FROM llm_alerts WHERE subject = ?", model)).isZero();
  }

  @Test
  void theRetentionDeletesProbesOlderThanItsSetting() throws Exception {
    // Given a probe 100 days old and one of today
    Instant now = T0.plus(Duration.ofDays(100));
    sendProbes(probe(0).build(), LlmProbeBuilder.model(model).at(now.minusSeconds(60)).build());
    ProductionLanes sink = startSink();
    await().atMost(STORED_WITHIN).until(() -> caughtUp(sink));

    // When the retention of 90 days is applied
    var retention = new LlmProbeRetention(dataSource, Duration.ofDays(90), Clock.systemUTC());
    int deleted = retention.deleteExpired(now);

    // Then only the new probe is left (the lanes also replayed other tests' old probes into this
    // database, which go too); a second pass deletes nothing
    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM llm_probe_results WHERE ts < ?",
                utc(now.minus(Duration.ofDays(90)))))
        .isZero();
    assertThat(count("SELECT count(*) FROM llm_probe_results WHERE model_id = ?::uuid", model))
        .isEqualTo(1);
    assertThat(retention.deleteExpired(now)).isZero();
    assertThat(
            new LlmProbeRetention(dataSource, Duration.ZERO, Clock.systemUTC()).deleteExpired(now))
        .isZero();
  }

  private List<ConsumerRecord<byte[], byte[]>> deadLetters(ProductionLanes sink) {
    return kafka.readAll(Topics.DEAD_LETTER.name(), 3).stream()
        .filter(r -> sink.groupIds().contains(header(r, DeadLetterHeaders.CONSUMER)))
        .toList();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
