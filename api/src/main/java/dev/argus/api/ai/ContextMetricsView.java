package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The answer of {@code GET /api/v1/ai/context-metrics}; this replica's counters only. */
@Schema(name = "AiContextMetrics")
record ContextMetricsView(
    @Schema(description = "replica: counted in memory by the api replica that answers")
        @JsonProperty("scope")
        String scope,
    @Schema(description = "When this replica started counting") @JsonProperty("since")
        Instant since,
    @Schema(description = "Prompt contexts built") @JsonProperty("contexts_built") long built,
    @JsonProperty("sources") Sources sources,
    @JsonProperty("mean_build_ms") double meanBuildMs,
    @Schema(description = "Over the last 1000 builds") @JsonProperty("p95_build_ms")
        double p95BuildMs) {

  @Schema(name = "AiContextSources")
  record Sources(
      @JsonProperty("camera_name") Source cameraName,
      @JsonProperty("time_of_day") Source timeOfDay,
      @Schema(description = "Events of the same camera in the hour before")
          @JsonProperty("recent_similar_events")
          Source recentSimilarEvents) {}

  @Schema(name = "AiContextSource")
  record Source(
      @Schema(description = "Contexts this source contributed to") @JsonProperty("hits") long hits,
      @Schema(description = "hits / contexts_built; 0 before the first") @JsonProperty("hit_rate")
          double hitRate) {}

  static ContextMetricsView of(ContextMetrics.Snapshot s) {
    return new ContextMetricsView(
        "replica",
        s.since(),
        s.builds(),
        new Sources(
            source(s.cameraNameHits(), s.builds()),
            source(s.timeOfDayHits(), s.builds()),
            source(s.recentSimilarHits(), s.builds())),
        s.meanMs(),
        s.p95Ms());
  }

  private static Source source(long hits, long builds) {
    return new Source(hits, builds == 0 ? 0 : hits / (double) builds);
  }
}
