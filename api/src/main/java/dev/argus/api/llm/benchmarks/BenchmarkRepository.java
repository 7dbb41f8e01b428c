package dev.argus.api.llm.benchmarks;

import dev.argus.contract.WireJson;
import dev.argus.contract.llm.BenchmarkStatistics;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Benchmark runs (the api's requests) and what the processor derived for them: results, progress
 * and statistics. Models are read from {@code llm_models} only to check that they exist.
 */
@Repository
class BenchmarkRepository {

  private final JdbcClient sql;
  private final JdbcTemplate jdbc;

  BenchmarkRepository(JdbcClient sql, JdbcTemplate jdbc) {
    this.sql = sql;
    this.jdbc = jdbc;
  }

  /** Of {@code ids}, those with no row in {@code llm_models}. */
  Set<UUID> unknownModels(Collection<UUID> ids) {
    Set<UUID> known =
        sql.sql("SELECT id FROM llm_models WHERE id = ANY(CAST(? AS uuid[]))")
            .param(uuidArray(ids))
            .query(UUID.class)
            .set();
    return ids.stream()
        .filter(id -> !known.contains(id))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  void insert(UUID id, BenchmarkRequest request) {
    sql.sql(
            """
            INSERT INTO llm_benchmark_runs (id, name, prompt_pack, model_ids, max_tokens, num_runs,
                concurrency, warmup_runs)
            VALUES (?, ?, ?, CAST(? AS uuid[]), ?, ?, ?, ?)
            """)
        .params(
            id,
            request.name(),
            request.promptPack(),
            uuidArray(request.modelIds()),
            request.maxTokens(),
            request.numRuns(),
            request.concurrency(),
            request.warmupRuns())
        .update();
  }

  Optional<BenchmarkRun> find(UUID id) {
    return sql.sql(BenchmarkRun.SELECT + " WHERE r.id = ?")
        .param(id)
        .query((rs, n) -> BenchmarkRun.of(rs))
        .optional();
  }

  boolean exists(UUID id) {
    return sql.sql("SELECT count(*) FROM llm_benchmark_runs WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Runs newest first, optionally of one status. */
  List<BenchmarkRun> page(String status, int limit, int offset) {
    return sql.sql(
            BenchmarkRun.SELECT
                + " WHERE (CAST(:status AS text) IS NULL OR coalesce(p.status, 'pending') ="
                + " :status) ORDER BY r.created_at DESC, r.id LIMIT :limit OFFSET :offset")
        .param("status", status)
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> BenchmarkRun.of(rs))
        .list();
  }

  long count(String status) {
    return sql.sql(
            "SELECT count(*) FROM llm_benchmark_runs r LEFT JOIN llm_benchmark_progress p ON"
                + " p.run_id = r.id WHERE (CAST(:status AS text) IS NULL OR coalesce(p.status,"
                + " 'pending') = :status)")
        .param("status", status)
        .query(Long.class)
        .single();
  }

  /** The run's results, oldest first. */
  List<BenchmarkResult> results(UUID runId) {
    return sql.sql(BenchmarkResult.SELECT + " WHERE run_id = ? ORDER BY ts, reading_id")
        .param(runId)
        .query((rs, n) -> BenchmarkResult.of(rs))
        .list();
  }

  /**
   * Hands the run's results to {@code each}, oldest first, a few rows at a time from a cursor
   * rather than all at once. Runs inside the caller's transaction (PostgreSQL reads with a cursor
   * only outside auto-commit).
   */
  void eachResult(UUID runId, Consumer<BenchmarkResult> each) {
    jdbc.query(
        connection -> {
          var statement =
              connection.prepareStatement(
                  BenchmarkResult.SELECT + " WHERE run_id = ? ORDER BY ts, reading_id",
                  java.sql.ResultSet.TYPE_FORWARD_ONLY,
                  java.sql.ResultSet.CONCUR_READ_ONLY);
          statement.setFetchSize(200);
          statement.setObject(1, runId);
          return statement;
        },
        rs -> {
          each.accept(BenchmarkResult.of(rs));
        });
  }

  Optional<BenchmarkStatistics> statistics(UUID runId) {
    return sql.sql("SELECT statistics::text FROM llm_benchmark_statistics WHERE run_id = ?")
        .param(runId)
        .query(String.class)
        .optional()
        .map(json -> WireJson.MAPPER.readValue(json, BenchmarkStatistics.class));
  }

  /** A {@code uuid[]} literal; UUIDs need no quoting. */
  private static String uuidArray(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
  }
}
