package dev.argus.processor.llm;

import static dev.argus.processor.llm.LlmDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.contract.Topics;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.ModelStatistics;
import dev.argus.contract.llm.BenchmarkStatistics.Summary;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.processor.testing.LlmProbeBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Benchmark statistics from {@code argus.llm.benchmark}, through the production {@link
 * LlmTopology}: per model, never pooled, equal to the type-7 percentiles of the results (computed
 * by hand here).
 */
class BenchmarkStatisticsTopologyTest {

  private static final String RUN = "0000000b-0000-0000-0000-000000000001";
  private static final String MODEL_A = "00000000-0000-0000-0000-00000000000a";
  private static final String MODEL_B = "00000000-0000-0000-0000-00000000000b";
  private static final double EXACT = 1e-9;

  private LlmDriver llm;
  private int sent;

  @AfterEach
  void closeDriver() throws IOException {
    llm.close();
  }

  private Instant next() {
    return T0.plusSeconds(++sent);
  }

  private void started(int total) {
    llm.send(
        new BenchmarkEvent(1, RUN, BenchmarkEvent.STARTED, next(), 0, total, null, null, null));
  }

  private void result(LlmProbeReading result) {
    llm.send(
        new BenchmarkEvent(
            1, RUN, BenchmarkEvent.RESULT, next(), sent, 7, result.modelId(), result, null));
  }

  private void result(String model, double ttft, double tps, int iteration) {
    result(
        LlmProbeBuilder.model(model)
            .run(RUN)
            .iteration(iteration)
            .at(T0.plusSeconds(iteration))
            .ttft(ttft)
            .tps(tps)
            .latency(ttft * 10)
            .tpot(ttft / 10)
            .build());
  }

  private void completed() {
    llm.send(new BenchmarkEvent(1, RUN, BenchmarkEvent.COMPLETED, next(), 7, 7, null, null, null));
  }

  @Test
  void statisticsArePerModelAndEqualTheType7PercentilesOfTheResults() {
    // Given a run with four results of model A, two of model B and a failure of model B
    llm = LlmDriver.alone();
    started(7);
    result(MODEL_A, 100, 40, 1);
    result(MODEL_A, 400, 10, 2);
    result(MODEL_A, 200, 30, 3);
    result(MODEL_A, 300, 20, 4);
    result(MODEL_B, 1_000, 100, 1);
    result(MODEL_B, 2_000, 200, 2);
    result(LlmProbeBuilder.model(MODEL_B).run(RUN).iteration(3).down("HTTP 529").build());
    completed();

    // Then statistics after every result and once more on completion, keyed by run
    List<TestRecord<String, BenchmarkStatistics>> records = llm.statistics.readRecordsToList();
    assertThat(records).hasSize(8).extracting(TestRecord::key).containsOnly(RUN);
    BenchmarkStatistics last = records.getLast().value();
    assertThat(last.runId()).isEqualTo(RUN);
    assertThat(last.n()).isEqualTo(7);
    assertThat(last.errors()).isEqualTo(1);
    assertThat(last.updatedAt()).isEqualTo(T0.plusSeconds(sent));

    // Model A alone: TTFT [100, 200, 300, 400]
    ModelStatistics a = last.byModel().get(MODEL_A);
    assertThat(a.n()).isEqualTo(4);
    assertThat(a.errors()).isZero();
    assertSummary(a.ttftMs(), 250, 385, 397, 250, 100, 400);
    // tps [10, 20, 30, 40]; latency and TPOT scale with TTFT
    assertSummary(a.tps(), 25, 38.5, 39.7, 25, 10, 40);
    assertSummary(a.latencyMs(), 2_500, 3_850, 3_970, 2_500, 1_000, 4_000);
    assertSummary(a.tpotMs(), 25, 38.5, 39.7, 25, 10, 40);

    // Model B: two successes, one error; the error counts in n, not in the figures
    ModelStatistics b = last.byModel().get(MODEL_B);
    assertThat(b.n()).isEqualTo(3);
    assertThat(b.errors()).isEqualTo(1);
    assertSummary(b.ttftMs(), 1_500, 1_950, 1_990, 1_500, 1_000, 2_000);

    // The flat figures over every model's successes: TTFT [100, 200, 300, 400, 1000, 2000]
    // p50 at 2.5 → 350; p95 at 4.75 → 1750; p99 at 4.95 → 1950
    assertThat(last.ttftP50()).isCloseTo(350, within(EXACT));
    assertThat(last.ttftP95()).isCloseTo(1_750, within(EXACT));
    assertThat(last.ttftP99()).isCloseTo(1_950, within(EXACT));
    // tps [10, 20, 30, 40, 100, 200]: p50 at 2.5 → 35; p95 at 4.75 → 175; p99 at 4.95 → 195
    assertThat(last.tpsP50()).isCloseTo(35, within(EXACT));
    assertThat(last.tpsP95()).isCloseTo(175, within(EXACT));
    assertThat(last.tpsP99()).isCloseTo(195, within(EXACT));

    // And the first statistics counted the first result alone
    BenchmarkStatistics first = records.getFirst().value();
    assertThat(first.n()).isEqualTo(1);
    assertSummary(first.byModel().get(MODEL_A).ttftMs(), 100, 100, 100, 100, 100, 100);
  }

  @Test
  void aRedeliveredResultAndAResultAfterTheEndChangeNothing() {
    llm = LlmDriver.alone();
    LlmProbeReading one = LlmProbeBuilder.model(MODEL_A).run(RUN).iteration(1).ttft(100.0).build();
    result(one);
    result(one);
    completed();
    result(MODEL_A, 900, 1, 2);

    List<BenchmarkStatistics> statistics = llm.statistics.readValuesToList();
    assertThat(statistics).hasSize(2).extracting(BenchmarkStatistics::n).containsExactly(1, 1);
    assertThat(
            llm.driver
                .<String, BenchmarkRunState>getKeyValueStore(LlmTopology.BENCHMARK_RUN_STORE)
                .get(RUN))
        .isEqualTo(new BenchmarkRunState(true, List.of(), 0));
  }

  @Test
  void aRunStartedAgainAfterItsCollectorStoppedCountsTheNewAttemptOnly() {
    llm = LlmDriver.alone();
    started(2);
    result(MODEL_A, 100, 10, 1);
    // The collector stopped; another one takes the job over and measures every request anew.
    started(2);
    result(MODEL_A, 300, 10, 1);
    result(MODEL_A, 500, 10, 2);
    completed();

    List<BenchmarkStatistics> statistics = llm.statistics.readValuesToList();
    assertThat(statistics).extracting(BenchmarkStatistics::n).containsExactly(1, 0, 1, 2, 2);
    assertThat(statistics.getLast().ttftP50()).isEqualTo(400.0);
  }

  @Test
  void aRunCountsAtMostTheConfiguredNumberOfResults() {
    var settings =
        new LlmSettings(
            Topics.READINGS_LLM,
            Topics.LLM_BENCHMARK,
            Topics.LLM_STATUS,
            Topics.LLM_BENCHMARK_STATS,
            Topics.EVENTS,
            Topics.CONFIG,
            2,
            LlmSettings.DEFAULT_MAX_SAMPLES_PER_MODEL);
    llm = new LlmDriver(new LlmTopology(settings).build());

    result(MODEL_A, 100, 10, 1);
    result(MODEL_A, 200, 10, 2);
    result(MODEL_A, 300, 10, 3);

    assertThat(llm.statistics.readValuesToList())
        .extracting(BenchmarkStatistics::n)
        .containsExactly(1, 2);
    assertThat(
            llm.driver
                .<String, BenchmarkRunState>getKeyValueStore(LlmTopology.BENCHMARK_RUN_STORE)
                .get(RUN)
                .dropped())
        .isEqualTo(1);
  }

  private static void assertSummary(
      Summary summary, double p50, double p95, double p99, double mean, double min, double max) {
    assertThat(summary.p50()).as("p50").isCloseTo(p50, within(EXACT));
    assertThat(summary.p95()).as("p95").isCloseTo(p95, within(EXACT));
    assertThat(summary.p99()).as("p99").isCloseTo(p99, within(EXACT));
    assertThat(summary.mean()).as("mean").isCloseTo(mean, within(EXACT));
    assertThat(summary.min()).as("min").isCloseTo(min, within(EXACT));
    assertThat(summary.max()).as("max").isCloseTo(max, within(EXACT));
  }
}
