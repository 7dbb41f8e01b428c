package dev.argus.collector.llm;

import dev.argus.collector.llm.ProbeTargets.Target;
import dev.argus.contract.llm.LlmJob;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.llm.client.ProbeMeasurement;
import dev.argus.llm.client.ProbeRequest;
import dev.argus.llm.client.PromptPack;
import dev.argus.llm.client.PromptPacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One monitoring run: a single streamed probe of every model enabled for monitoring (or of the
 * job's models) whose provider is enabled, with the monitoring prompt pack, the model's token
 * budget and the per-request timeout, and no retries. Probes of different models run at once on
 * virtual threads, at most {@code concurrency_per_provider} against one provider account, so a slow
 * provider neither holds up the others nor is flooded. Every probe gives one reading, failed or
 * not.
 */
final class MonitoringRun {

  private static final Logger log = LoggerFactory.getLogger(MonitoringRun.class);

  private final ProbeReadings readings;
  private final LlmResults results;
  private final Semaphore inFlight;

  /**
   * @param inFlight the collector's slots for probes in flight, taken before a probe's clock
   */
  MonitoringRun(ProbeReadings readings, LlmResults results, Semaphore inFlight) {
    this.readings = readings;
    this.results = results;
    this.inFlight = inFlight;
  }

  /**
   * Probes and returns when every probe has finished.
   *
   * @return the readings published
   * @throws InterruptedException when the collector stops meanwhile; the probes still running are
   *     interrupted and publish nothing
   */
  int run(LlmJob job, LlmFleet fleet, ProbeTargets targets) throws InterruptedException {
    LlmMonitoringConfig monitoring = fleet.monitoring();
    String packId = job.promptPack() != null ? job.promptPack() : monitoring.promptPack();
    PromptPack pack = PromptPacks.find(packId).orElse(null);
    Duration timeout = Duration.ofSeconds(monitoring.probeTimeoutSeconds());
    List<Target> probed = chooseModels(job, fleet, targets);
    Map<String, Semaphore> perProvider = new HashMap<>();
    List<Runnable> probes = new ArrayList<>();
    for (Target target : probed) {
      if (target.client() == null || pack == null) {
        String problem =
            target.client() == null
                ? target.problem()
                : "prompt pack '" + packId + "' is unknown (known: " + PromptPacks.ids() + ")";
        probes.add(() -> publishNotMade(job, fleet, target, problem));
        continue;
      }
      Semaphore slots =
          perProvider.computeIfAbsent(
              target.provider().id(), id -> new Semaphore(monitoring.concurrencyPerProvider()));
      ProbeRequest request =
          new ProbeRequest(
              target.model().modelId(),
              pack.prompt(),
              monitoring.maxTokensFor(target.model()),
              timeout);
      probes.add(() -> probe(job, fleet, target, request, slots));
    }
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      probes.forEach(threads::execute);
      threads.shutdown();
      // Each probe's own timeout bounds the wait.
      threads.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } finally {
      threads.shutdownNow();
    }
    return probes.size();
  }

  /** The job's models when it names any, else every model enabled for monitoring. */
  private static List<Target> chooseModels(LlmJob job, LlmFleet fleet, ProbeTargets targets) {
    List<String> ids =
        job.modelIds().isEmpty()
            ? fleet.monitoredModels().stream().map(LlmModelConfig::id).toList()
            : job.modelIds();
    List<Target> chosen = new ArrayList<>();
    for (String id : ids) {
      Target target = targets.resolve(id);
      if (target.model() == null) {
        log.warn("Monitoring run {}: {}; not probed", job.runId(), target.problem());
      } else if (target.provider() != null && !target.provider().enabled()) {
        log.debug("Monitoring run {}: {}; not probed", job.runId(), target.problem());
      } else {
        chosen.add(target);
      }
    }
    return chosen;
  }

  private void probe(
      LlmJob job, LlmFleet fleet, Target target, ProbeRequest request, Semaphore slots) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      return;
    }
    ProbeMeasurement measurement;
    try {
      inFlight.acquire();
      try {
        measurement = target.client().probe(request);
      } finally {
        inFlight.release();
      }
    } catch (InterruptedException e) {
      return;
    } finally {
      slots.release();
    }
    if (Thread.currentThread().isInterrupted()) {
      // Stopped mid-run: the job is not committed and runs again elsewhere; a probe cut by the
      // stop is no fact about the model.
      return;
    }
    results.probeReading(
        readings.measured(
            job.runId(),
            null,
            target.model(),
            target.provider(),
            fleet.thresholdsFor(target.model()),
            measurement));
  }

  private void publishNotMade(LlmJob job, LlmFleet fleet, Target target, String problem) {
    results.probeReading(
        readings.notMade(
            job.runId(),
            null,
            target.modelUuid(),
            target.model(),
            target.provider(),
            fleet.thresholdsFor(target.model()),
            problem));
  }
}
