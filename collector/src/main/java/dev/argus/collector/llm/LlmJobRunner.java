package dev.argus.collector.llm;

import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmJob;
import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderSpec;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job of {@code argus.llm.jobs} to its end: a monitoring run or a benchmark, against the
 * LLM configuration as it is when the job starts; then waits until its results are delivered.
 * Thread-safe: each job gets its own run.
 */
public final class LlmJobRunner {

  private static final Logger log = LoggerFactory.getLogger(LlmJobRunner.class);

  private final Supplier<LlmFleet> fleet;
  private final Function<ProviderSpec, ProviderClient> clientFactory;
  private final LlmResults results;
  private final ProbeReadings readings;
  private final Clock clock;
  // Probes in flight at once across providers: a burst of hundreds of streams on a small machine
  // measures its own CPU queue, not the provider (see docs/PERFORMANCE.md, scenario llm). A probe
  // waits for a slot before its clock starts.
  private final Semaphore inFlight;

  /**
   * @param fleet the current providers, models and monitoring settings of {@code argus.config}
   * @param clientFactory makes a provider's client, e.g. {@code spec ->
   *     ProviderClients.create(spec, http)}; an {@link IllegalArgumentException} says why the spec
   *     cannot work
   * @param maxInFlight monitoring probes in flight at once on this collector, across providers
   */
  public LlmJobRunner(
      Supplier<LlmFleet> fleet,
      Function<ProviderSpec, ProviderClient> clientFactory,
      LlmResults results,
      String collectorId,
      Clock clock,
      int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max in flight must be at least 1, was " + maxInFlight);
    }
    this.inFlight = new Semaphore(maxInFlight);
    this.fleet = fleet;
    this.clientFactory = clientFactory;
    this.results = results;
    this.readings = new ProbeReadings(collectorId, clock);
    this.clock = clock;
  }

  /**
   * Runs {@code job} and returns when its results are delivered.
   *
   * @throws InterruptedException when the collector stops meanwhile; what was measured so far is
   *     published, the rest is not
   */
  public void run(LlmJob job) throws InterruptedException {
    LlmFleet current = fleet.get();
    ProbeTargets targets = new ProbeTargets(current, clientFactory);
    long started = System.nanoTime();
    try {
      int requests =
          LlmJob.BENCHMARK.equals(job.kind())
              ? new BenchmarkRun(readings, results, clock).run(job, current, targets)
              : new MonitoringRun(readings, results, inFlight).run(job, current, targets);
      log.info(
          "{} {} (job {}): {} request(s) in {} ms",
          job.kind(),
          job.runId(),
          job.jobId(),
          requests,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("{} {} (job {}) failed", job.kind(), job.runId(), job.jobId(), e);
      if (LlmJob.BENCHMARK.equals(job.kind())) {
        results.benchmarkEvent(
            new BenchmarkEvent(
                BenchmarkEvent.SCHEMA_VERSION,
                job.runId(),
                BenchmarkEvent.FAILED,
                clock.instant(),
                0,
                0,
                null,
                null,
                "the collector failed running it: " + e));
      }
    } finally {
      results.flush();
    }
  }
}
