package dev.argus.processor.sink;

import static dev.argus.processor.sink.LlmProbeWriter.uuid;
import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;
import static dev.argus.processor.sink.SqlValues.withoutNulChars;

import dev.argus.contract.WireJson;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.LlmProbeReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark runs as rows: each measured result in {@code llm_benchmark_results} (insert-only on
 * {@code reading_id}), the run's {@code llm_benchmark_progress}, and its newest {@code
 * llm_benchmark_statistics}.
 *
 * <p>Progress never moves backwards, whatever order or how often the events are written: {@code
 * started} gives {@code running} with the total, a result raises the completed count, {@code
 * completed} or {@code failed} ends the run with {@code completed_at} (and the error); counts only
 * grow, a run that ended stays ended with its time and error, and a start time once set is kept.
 * The events of one run in a batch are folded into one row first (PostgreSQL refuses an upsert that
 * touches a row twice).
 */
final class BenchmarkWriter {

  private static final String INSERT_RESULT =
      """
      INSERT INTO llm_benchmark_results (reading_id, run_id, model_id, model_name, provider_type,
          iteration, ts, success, error, latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps,
          output_tokens, input_tokens, reasoning_tokens, token_source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (reading_id) DO NOTHING
      """;

  private static final String UPSERT_PROGRESS =
      """
      INSERT INTO llm_benchmark_progress (run_id, status, completed, total, started_at,
          completed_at, error, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (run_id) DO UPDATE SET
          status = CASE WHEN llm_benchmark_progress.status = 'running'
              THEN excluded.status ELSE llm_benchmark_progress.status END,
          completed = GREATEST(llm_benchmark_progress.completed, excluded.completed),
          total = GREATEST(llm_benchmark_progress.total, excluded.total),
          started_at = COALESCE(llm_benchmark_progress.started_at, excluded.started_at),
          completed_at = COALESCE(llm_benchmark_progress.completed_at, excluded.completed_at),
          error = CASE WHEN llm_benchmark_progress.status = 'running'
              THEN COALESCE(excluded.error, llm_benchmark_progress.error)
              ELSE llm_benchmark_progress.error END,
          updated_at = now()
      """;

  private static final String UPSERT_STATISTICS =
      """
      INSERT INTO llm_benchmark_statistics (run_id, statistics, updated_at)
      VALUES (?, ?::jsonb, ?)
      ON CONFLICT (run_id) DO UPDATE SET
          statistics = excluded.statistics,
          updated_at = excluded.updated_at
      WHERE excluded.updated_at >= llm_benchmark_statistics.updated_at
      """;

  private BenchmarkWriter() {}

  /** A run's progress as one batch of its events leaves it. */
  record Progress(
      String runId,
      String status,
      int completed,
      int total,
      Instant startedAt,
      Instant completedAt,
      String error) {

    Progress with(BenchmarkEvent event) {
      boolean ended = !"running".equals(status);
      return new Progress(
          runId,
          ended ? status : statusOf(event),
          Math.max(completed, event.completed()),
          Math.max(total, event.total()),
          startedAt != null || !BenchmarkEvent.STARTED.equals(event.type())
              ? startedAt
              : event.timestamp(),
          completedAt != null || !ends(event) ? completedAt : event.timestamp(),
          ended || event.error() == null ? error : event.error());
    }

    private static String statusOf(BenchmarkEvent event) {
      return switch (event.type()) {
        case BenchmarkEvent.COMPLETED -> "completed";
        case BenchmarkEvent.FAILED -> "failed";
        default -> "running";
      };
    }

    private static boolean ends(BenchmarkEvent event) {
      return BenchmarkEvent.COMPLETED.equals(event.type())
          || BenchmarkEvent.FAILED.equals(event.type());
    }
  }

  static int insertResults(Connection connection, List<BenchmarkEvent> events) throws SQLException {
    List<BenchmarkEvent> results =
        events.stream().filter(e -> BenchmarkEvent.RESULT.equals(e.type())).toList();
    return JdbcBatch.execute(connection, INSERT_RESULT, results, BenchmarkWriter::bindResult);
  }

  static int upsertProgress(Connection connection, List<BenchmarkEvent> events)
      throws SQLException {
    return JdbcBatch.execute(
        connection, UPSERT_PROGRESS, progress(events), BenchmarkWriter::bindProgress);
  }

  /** One row per run, the newest (see {@link NewestPerKey}). */
  static int upsertStatistics(Connection connection, List<BenchmarkStatistics> statistics)
      throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_STATISTICS,
        NewestPerKey.of(statistics, BenchmarkStatistics::runId, BenchmarkStatistics::updatedAt),
        BenchmarkWriter::bindStatistics);
  }

  /** The events of each run folded in order, one row per run, sorted by run. */
  static Collection<Progress> progress(List<BenchmarkEvent> events) {
    Map<String, Progress> runs = new TreeMap<>();
    for (BenchmarkEvent event : events) {
      runs.compute(
          event.runId(),
          (id, known) ->
              (known != null ? known : new Progress(id, "running", 0, 0, null, null, null))
                  .with(event));
    }
    return runs.values();
  }

  private static void bindResult(PreparedStatement insert, BenchmarkEvent event)
      throws SQLException {
    LlmProbeReading r = event.result();
    insert.setString(1, text(r.readingId()));
    insert.setObject(2, uuid(event.runId()));
    insert.setObject(3, uuid(r.modelId()));
    insert.setString(4, text(r.modelName()));
    insert.setString(5, text(r.providerType()));
    insert.setObject(6, r.iteration(), Types.INTEGER);
    insert.setObject(7, timestamp(r.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setBoolean(8, r.success());
    insert.setString(9, text(r.error()));
    insert.setObject(10, r.latencyMs(), Types.DOUBLE);
    insert.setObject(11, r.ttftMs(), Types.DOUBLE);
    insert.setObject(12, r.ttfoMs(), Types.DOUBLE);
    insert.setObject(13, r.tpotMs(), Types.DOUBLE);
    insert.setObject(14, r.tps(), Types.DOUBLE);
    insert.setObject(15, r.outputTokens(), Types.INTEGER);
    insert.setObject(16, r.inputTokens(), Types.INTEGER);
    insert.setObject(17, r.reasoningTokens(), Types.INTEGER);
    insert.setString(18, text(r.tokenSource()));
  }

  private static void bindProgress(PreparedStatement upsert, Progress p) throws SQLException {
    upsert.setObject(1, uuid(p.runId()));
    upsert.setString(2, p.status());
    upsert.setInt(3, p.completed());
    upsert.setInt(4, p.total());
    upsert.setObject(5, timestamp(p.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setObject(6, timestamp(p.completedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setString(7, text(p.error()));
  }

  private static void bindStatistics(PreparedStatement upsert, BenchmarkStatistics s)
      throws SQLException {
    upsert.setObject(1, uuid(s.runId()));
    upsert.setString(2, WireJson.MAPPER.writeValueAsString(withoutNulChars(statisticsJson(s))));
    upsert.setObject(3, timestamp(s.updatedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
  }

  /** The statistics as the api serves them: the record's own JSON. */
  private static Object statisticsJson(BenchmarkStatistics statistics) {
    return WireJson.MAPPER.convertValue(statistics, Map.class);
  }
}
