package dev.argus.api.llm.benchmarks;

import dev.argus.api.TelemetryRows;
import dev.argus.contract.WireJson;
import dev.argus.contract.llm.BenchmarkStatistics;
import java.util.UUID;

/**
 * Writes what the processor derives for a benchmark run (results, progress, statistics) with plain
 * SQL through the owner connection, as the sink would.
 */
final class BenchmarkRows {

  private final TelemetryRows rows;

  BenchmarkRows(TelemetryRows rows) {
    this.rows = rows;
  }

  /** A successful measured request {@code seconds} after 10:00 on 2026-12-03. */
  String result(UUID run, UUID model, int iteration, double ttftMs, double tps, int seconds) {
    String readingId = "r-" + UUID.randomUUID();
    rows.execute(
        """
        INSERT INTO llm_benchmark_results (reading_id, run_id, model_id, model_name, provider_type,
            iteration, ts, success, latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps, output_tokens,
            input_tokens, token_source)
        VALUES ('%s', '%s', '%s', 'gpt-4.1', 'openai', %d,
            TIMESTAMPTZ '2026-12-03 10:00:00+00' + interval '%d seconds', true, 900.5, %s, %s,
            4.2, %s, 200, 12, 'usage')
        """
            .formatted(readingId, run, model, iteration, seconds, ttftMs, ttftMs, tps));
    return readingId;
  }

  /** A failed measured request, e.g. a cut stream with a comma and a quote in its error. */
  String failure(UUID run, UUID model, int iteration, String error, int seconds) {
    String readingId = "f-" + UUID.randomUUID();
    rows.execute(
        """
        INSERT INTO llm_benchmark_results (reading_id, run_id, model_id, model_name, provider_type,
            iteration, ts, success, error)
        VALUES ('%s', '%s', '%s', 'gpt-4.1', 'openai', %d,
            TIMESTAMPTZ '2026-12-03 10:00:00+00' + interval '%d seconds', false, '%s')
        """
            .formatted(readingId, run, model, iteration, seconds, error.replace("'", "''")));
    return readingId;
  }

  void progress(UUID run, String status, int completed, int total, String error) {
    rows.execute(
        """
        INSERT INTO llm_benchmark_progress (run_id, status, completed, total, started_at,
            completed_at, error)
        VALUES ('%s', '%s', %d, %d, TIMESTAMPTZ '2026-12-03 10:00:00+00', %s, %s)
        ON CONFLICT (run_id) DO UPDATE SET status = EXCLUDED.status,
            completed = EXCLUDED.completed, total = EXCLUDED.total,
            completed_at = EXCLUDED.completed_at, error = EXCLUDED.error
        """
            .formatted(
                run,
                status,
                completed,
                total,
                "running".equals(status) ? "NULL" : "TIMESTAMPTZ '2026-12-03 10:05:00+00'",
                error == null ? "NULL" : "'" + error.replace("'", "''") + "'"));
  }

  /** The statistics as the sink stores them: the contract's record in its wire JSON. */
  void statistics(BenchmarkStatistics statistics) {
    rows.execute(
        "INSERT INTO llm_benchmark_statistics (run_id, statistics, updated_at) VALUES ('%s',"
                .formatted(statistics.runId())
            + " CAST('%s' AS jsonb), now())"
                .formatted(WireJson.MAPPER.writeValueAsString(statistics).replace("'", "''")));
  }
}
