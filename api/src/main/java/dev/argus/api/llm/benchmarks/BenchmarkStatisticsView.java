package dev.argus.api.llm.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.llm.BenchmarkStatistics;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's statistics as the api answers them: the flat {@code ttft_*} / {@code tps_*} percentiles
 * over every model's successful results (what clients of the seed's system read) and {@code
 * by_model}, the honest breakdown per model. Percentiles interpolate linearly between closest
 * ranks; read {@code n} beside them (the p99 of 5 samples is their maximum).
 */
@Schema(name = "BenchmarkStatistics")
record BenchmarkStatisticsView(
    int n,
    int errors,
    @JsonProperty("ttft_p50") @Schema(nullable = true) Double ttftP50,
    @JsonProperty("ttft_p95") @Schema(nullable = true) Double ttftP95,
    @JsonProperty("ttft_p99") @Schema(nullable = true) Double ttftP99,
    @JsonProperty("tps_p50") @Schema(nullable = true) Double tpsP50,
    @JsonProperty("tps_p95") @Schema(nullable = true) Double tpsP95,
    @JsonProperty("tps_p99") @Schema(nullable = true) Double tpsP99,
    @JsonProperty("by_model") Map<String, ModelFigures> byModel,
    @JsonProperty("updated_at") @Schema(nullable = true) Instant updatedAt) {

  static BenchmarkStatisticsView of(BenchmarkStatistics stats) {
    Map<String, ModelFigures> byModel = new LinkedHashMap<>();
    new TreeMap<>(stats.byModel()).forEach((model, figures) -> byModel.put(model, of(figures)));
    return new BenchmarkStatisticsView(
        stats.n(),
        stats.errors(),
        stats.ttftP50(),
        stats.ttftP95(),
        stats.ttftP99(),
        stats.tpsP50(),
        stats.tpsP95(),
        stats.tpsP99(),
        byModel,
        stats.updatedAt());
  }

  private static ModelFigures of(BenchmarkStatistics.ModelStatistics figures) {
    return new ModelFigures(
        figures.n(),
        figures.errors(),
        Summary.of(figures.ttftMs()),
        Summary.of(figures.tpotMs()),
        Summary.of(figures.latencyMs()),
        Summary.of(figures.tps()));
  }

  /** One model's figures: {@code n} results, of which {@code errors} failed. */
  @Schema(name = "BenchmarkModelStatistics")
  record ModelFigures(
      int n,
      int errors,
      @JsonProperty("ttft_ms") Summary ttftMs,
      @JsonProperty("tpot_ms") Summary tpotMs,
      @JsonProperty("latency_ms") Summary latencyMs,
      Summary tps) {}

  /** Of the model's successful results; null figures when there were none. */
  @Schema(name = "BenchmarkSummary")
  record Summary(
      @Schema(nullable = true) Double p50,
      @Schema(nullable = true) Double p95,
      @Schema(nullable = true) Double p99,
      @Schema(nullable = true) Double mean,
      @Schema(nullable = true) Double min,
      @Schema(nullable = true) Double max) {

    static Summary of(BenchmarkStatistics.Summary summary) {
      return summary == null
          ? new Summary(null, null, null, null, null, null)
          : new Summary(
              summary.p50(),
              summary.p95(),
              summary.p99(),
              summary.mean(),
              summary.min(),
              summary.max());
    }
  }
}
