package dev.argus.processor.llm;

import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each benchmark run's results in the store and publishes the run's statistics after every
 * result, and once more when the run completes or fails (then the results are dropped and the run
 * is closed: its statistics stay on the compacted topic). A result whose reading id the run already
 * holds (a redelivery) changes nothing and publishes nothing.
 */
final class BenchmarkStatisticsProcessor
    implements Processor<String, BenchmarkEvent, String, BenchmarkStatistics> {

  private static final Logger log = LoggerFactory.getLogger(BenchmarkStatisticsProcessor.class);

  private final int maxResultsPerRun;
  private ProcessorContext<String, BenchmarkStatistics> context;
  private KeyValueStore<String, BenchmarkRunState> runs;

  BenchmarkStatisticsProcessor(int maxResultsPerRun) {
    this.maxResultsPerRun = maxResultsPerRun;
  }

  @Override
  public void init(ProcessorContext<String, BenchmarkStatistics> context) {
    this.context = context;
    this.runs = context.getStateStore(LlmTopology.BENCHMARK_RUN_STORE);
  }

  @Override
  public void process(Record<String, BenchmarkEvent> record) {
    BenchmarkEvent event = record.value();
    if (event == null) {
      return;
    }
    // The collector keys a run's events by run id, so the value's id names the same partition.
    String runId = event.runId();
    BenchmarkRunState state = runs.get(runId);
    if (state == null) {
      state = BenchmarkRunState.empty();
    }
    if (state.closed()) {
      log.debug("Ignoring {} event of benchmark run {}: the run is over", event.type(), runId);
      return;
    }
    switch (event.type()) {
      case BenchmarkEvent.RESULT -> onResult(runId, state, event);
      case BenchmarkEvent.COMPLETED, BenchmarkEvent.FAILED -> onEnd(runId, state, event);
      default -> onStarted(runId, state, event);
    }
  }

  /**
   * A run starts again when the collector running it stopped before the end and another one took
   * the job over: it measures every request anew, so the statistics count the new attempt only, not
   * its results on top of the stopped attempt's.
   */
  private void onStarted(String runId, BenchmarkRunState state, BenchmarkEvent event) {
    if (state.results().isEmpty() && state.dropped() == 0) {
      return;
    }
    log.info(
        "Benchmark run {} started again (its collector stopped before the end): counting the new"
            + " attempt only",
        runId);
    runs.put(runId, BenchmarkRunState.empty());
    publish(runId, List.of(), event);
  }

  private void onResult(String runId, BenchmarkRunState state, BenchmarkEvent event) {
    String readingId = event.result().readingId();
    if (state.results().stream().anyMatch(r -> r.readingId().equals(readingId))) {
      return;
    }
    if (state.results().size() >= maxResultsPerRun) {
      if (state.dropped() == 0) {
        log.warn(
            "Benchmark run {} has {} results, the most counted per run; later results are not"
                + " counted in its statistics",
            runId,
            maxResultsPerRun);
      }
      runs.put(runId, new BenchmarkRunState(false, state.results(), state.dropped() + 1));
      return;
    }
    List<BenchmarkSample> results = new ArrayList<>(state.results());
    results.add(BenchmarkSample.of(event.result()));
    runs.put(runId, new BenchmarkRunState(false, results, state.dropped()));
    publish(runId, results, event);
  }

  private void onEnd(String runId, BenchmarkRunState state, BenchmarkEvent event) {
    publish(runId, state.results(), event);
    runs.put(runId, new BenchmarkRunState(true, List.of(), state.dropped()));
  }

  private void publish(String runId, List<BenchmarkSample> results, BenchmarkEvent event) {
    BenchmarkStatistics statistics =
        BenchmarkStatisticsCalculator.of(runId, results, event.timestamp());
    context.forward(new Record<>(runId, statistics, event.timestamp().toEpochMilli()));
  }
}
