package dev.argus.api.llm.benchmarks;

import dev.argus.api.llm.LlmCatalog;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.contract.Topics;
import dev.argus.contract.llm.LlmJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starts benchmark runs and reads them back. A run is a {@code llm_benchmark_runs} row and an
 * {@link LlmJob} for the collectors (a config-outbox row for {@code argus.llm.jobs}), written in
 * one transaction: a run the api answered 202 for is sure to reach a collector, and a failed
 * request leaves neither.
 */
@Service
class BenchmarkService {

  private final BenchmarkRepository runs;
  private final LlmCatalog catalog;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;

  BenchmarkService(
      BenchmarkRepository runs,
      LlmCatalog catalog,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      Clock clock) {
    this.runs = runs;
    this.catalog = catalog;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Validates the request (422 naming what is wrong), stores the run and queues its job. */
  UUID start(BenchmarkRequest given) {
    BenchmarkRequest request = given.withDefaults();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < request.modelIds().size(); i++) {
      if (request.modelIds().get(i) == null) {
        problems.add("model_ids[" + i + "] must be a model id (UUID), not null");
      }
    }
    if (!catalog.isPromptPack(request.promptPack())) {
      problems.add(
          "prompt_pack '"
              + request.promptPack()
              + "' does not exist; use one of "
              + String.join(", ", catalog.promptPacks()));
    }
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems));
    }
    // A model named twice would be measured twice and counted as one in the statistics.
    Set<UUID> models = new LinkedHashSet<>(request.modelIds());
    BenchmarkRequest distinct =
        new BenchmarkRequest(
            List.copyOf(models),
            request.promptPack(),
            request.name(),
            request.maxTokens(),
            request.numRuns(),
            request.concurrency(),
            request.warmupRuns());
    UUID id = UUID.randomUUID();
    transactions.executeWithoutResult(
        tx -> {
          Set<UUID> unknown = runs.unknownModels(models);
          if (!unknown.isEmpty()) {
            throw unprocessable(
                "model_ids: no model "
                    + unknown.stream().map(UUID::toString).collect(Collectors.joining(", "))
                    + "; list the models with GET /api/v1/models");
          }
          runs.insert(id, distinct);
          String jobId = UUID.randomUUID().toString();
          outbox.append(
              Topics.LLM_JOBS,
              jobId,
              new LlmJob(
                  jobId,
                  LlmJob.BENCHMARK,
                  id.toString(),
                  clock.instant(),
                  models.stream().map(UUID::toString).toList(),
                  distinct.promptPack(),
                  distinct.maxTokens(),
                  distinct.numRuns(),
                  distinct.concurrency(),
                  distinct.warmupRuns()));
        });
    return id;
  }

  BenchmarkRun run(UUID id) {
    return runs.find(id).orElseThrow(() -> notFound(id));
  }

  BenchmarkDetail detail(UUID id) {
    BenchmarkRun run = run(id);
    return BenchmarkDetail.of(
        run, runs.results(id), runs.statistics(id).map(BenchmarkStatisticsView::of).orElse(null));
  }

  List<BenchmarkResult> results(UUID id) {
    requireExists(id);
    return runs.results(id);
  }

  void requireExists(UUID id) {
    if (!runs.exists(id)) {
      throw notFound(id);
    }
  }

  static ResponseStatusException notFound(UUID id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Benchmark run " + id + " not found");
  }

  static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
