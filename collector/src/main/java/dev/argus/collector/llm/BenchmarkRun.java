package dev.argus.collector.llm;

import dev.argus.collector.llm.LlmFleet.Thresholds;
import dev.argus.collector.llm.ProbeTargets.Target;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmJob;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.llm.client.ProbeMeasurement;
import dev.argus.llm.client.ProbeRequest;
import dev.argus.llm.client.PromptPack;
import dev.argus.llm.client.PromptPacks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run, model after model: first {@code warmup_runs} requests one at a time, neither
 * measured nor published (they load the model and warm caches, as vLLM's {@code --num-warmups}),
 * then {@code num_runs} measured requests with {@code concurrency} in flight. Publishes {@code
 * started} (total = models × num_runs), one {@code result} per measured request (iteration 1..n of
 * its model, with the run's {@code completed} count), then {@code completed}; or {@code failed}
 * with the reason when the run cannot be made at all. A model that cannot be probed (unknown,
 * provider disabled or unusable) gets its num_runs results as failures that say why, so the counts
 * still add up.
 */
final class BenchmarkRun {

  private static final Logger log = LoggerFactory.getLogger(BenchmarkRun.class);

  private final ProbeReadings readings;
  private final LlmResults results;
  private final Clock clock;
  private final Object publishing = new Object();
  private int completed;
  private int total;

  BenchmarkRun(ProbeReadings readings, LlmResults results, Clock clock) {
    this.readings = readings;
    this.results = results;
    this.clock = clock;
  }

  /**
   * Runs the benchmark and returns when its last result is published.
   *
   * @return the measured requests made (failed ones included)
   * @throws InterruptedException when the collector stops meanwhile: nothing more is published
   *     (neither {@code completed} nor {@code failed}), as the job runs again on another collector
   */
  int run(LlmJob job, LlmFleet fleet, ProbeTargets targets) throws InterruptedException {
    String packId = job.promptPack() != null ? job.promptPack() : fleet.monitoring().promptPack();
    PromptPack pack = PromptPacks.find(packId).orElse(null);
    String cannotRun =
        job.modelIds().isEmpty()
            ? "the benchmark names no model"
            : pack == null
                ? "prompt pack '" + packId + "' is unknown (known: " + PromptPacks.ids() + ")"
                : job.numRuns() < 1 ? "num_runs must be at least 1, was " + job.numRuns() : null;
    if (cannotRun != null) {
      publish(event(job, BenchmarkEvent.FAILED, null, null, cannotRun));
      return 0;
    }
    int concurrency = Math.max(1, job.concurrency());
    int maxTokens = job.maxTokens() > 0 ? job.maxTokens() : pack.maxTokens();
    Duration timeout = Duration.ofSeconds(fleet.monitoring().probeTimeoutSeconds());
    total = job.modelIds().size() * job.numRuns();
    completed = 0;
    publish(event(job, BenchmarkEvent.STARTED, null, null, null));
    for (String modelUuid : job.modelIds()) {
      Target target = targets.resolve(modelUuid);
      Thresholds thresholds = fleet.thresholdsFor(target.model());
      if (target.client() == null) {
        log.warn("Benchmark {}: {}; its requests count as failed", job.runId(), target.problem());
        for (int iteration = 1; iteration <= job.numRuns(); iteration++) {
          result(
              job,
              readings.notMade(
                  job.runId(),
                  iteration,
                  modelUuid,
                  target.model(),
                  target.provider(),
                  thresholds,
                  target.problem()));
        }
        continue;
      }
      ProbeRequest request =
          new ProbeRequest(target.model().modelId(), pack.prompt(), maxTokens, timeout);
      warmUp(job, target, request);
      measure(job, target, thresholds, request, concurrency);
    }
    publish(event(job, BenchmarkEvent.COMPLETED, null, null, null));
    return total;
  }

  private void warmUp(LlmJob job, Target target, ProbeRequest request) throws InterruptedException {
    for (int i = 0; i < job.warmupRuns(); i++) {
      ProbeMeasurement warmUp = target.client().probe(request);
      if (Thread.interrupted()) {
        throw new InterruptedException("stopped while warming up");
      }
      if (!warmUp.success()) {
        log.info(
            "Benchmark {}: warm-up {} of {} failed: {}",
            job.runId(),
            i + 1,
            target.model().modelId(),
            warmUp.error());
      }
    }
  }

  private void measure(
      LlmJob job, Target target, Thresholds thresholds, ProbeRequest request, int concurrency)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    List<Runnable> requests = new ArrayList<>();
    for (int i = 1; i <= job.numRuns(); i++) {
      int iteration = i;
      requests.add(
          () -> {
            try {
              inFlight.acquire();
            } catch (InterruptedException e) {
              return;
            }
            ProbeMeasurement measurement;
            try {
              measurement = target.client().probe(request);
            } finally {
              inFlight.release();
            }
            if (!Thread.currentThread().isInterrupted()) {
              result(
                  job,
                  readings.measured(
                      job.runId(),
                      iteration,
                      target.model(),
                      target.provider(),
                      thresholds,
                      measurement));
            }
          });
    }
    try {
      requests.forEach(threads::execute);
      threads.shutdown();
      // Each request's own timeout bounds the wait.
      threads.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Counted and published under one lock, so the run's events go out with rising counts. */
  private void result(LlmJob job, LlmProbeReading reading) {
    synchronized (publishing) {
      completed++;
      publish(event(job, BenchmarkEvent.RESULT, reading.modelId(), reading, null));
    }
  }

  private BenchmarkEvent event(
      LlmJob job, String type, String currentModel, LlmProbeReading result, String error) {
    synchronized (publishing) {
      return new BenchmarkEvent(
          BenchmarkEvent.SCHEMA_VERSION,
          job.runId(),
          type,
          clock.instant(),
          completed,
          total,
          currentModel,
          result,
          error);
    }
  }

  private void publish(BenchmarkEvent event) {
    results.benchmarkEvent(event);
  }
}
