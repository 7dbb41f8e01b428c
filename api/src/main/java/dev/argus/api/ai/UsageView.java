package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /api/v1/ai/usage}. */
@Schema(name = "AiUsage")
record UsageView(
    @JsonProperty("from") LocalDate from,
    @JsonProperty("to") LocalDate to,
    @Schema(description = "Per UTC day and provider, oldest day first") @JsonProperty("items")
        List<Day> items,
    @JsonProperty("totals") Totals totals,
    @JsonProperty("caps") Caps caps) {

  @Schema(name = "AiUsageDay")
  record Day(
      @JsonProperty("day") LocalDate day,
      @Schema(nullable = true) @JsonProperty("provider_id") UUID providerId,
      @JsonProperty("provider") String provider,
      @JsonProperty("calls") long calls,
      @JsonProperty("failures") long failures,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("cost_usd") BigDecimal costUsd) {}

  @Schema(name = "AiUsageTotals")
  record Totals(
      @JsonProperty("calls") long calls,
      @JsonProperty("failures") long failures,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("cost_usd") BigDecimal costUsd) {}

  @Schema(name = "AiUsageCaps")
  record Caps(
      @Schema(nullable = true, description = "null: no daily cap") @JsonProperty("daily_cap_usd")
          BigDecimal dailyCapUsd,
      @Schema(nullable = true, description = "null: no monthly cap")
          @JsonProperty("monthly_cap_usd")
          BigDecimal monthlyCapUsd,
      @Schema(description = "Spent in the current UTC day") @JsonProperty("today_usd")
          BigDecimal todayUsd,
      @Schema(description = "Spent in the current UTC month") @JsonProperty("month_usd")
          BigDecimal monthUsd,
      @JsonProperty("paused") boolean paused,
      @Schema(nullable = true) @JsonProperty("paused_reason") String pausedReason) {

    static Caps of(CapStatus status) {
      String reason = status.pausedReason().orElse(null);
      return new Caps(
          status.dailyCapUsd(),
          status.monthlyCapUsd(),
          status.todayUsd(),
          status.monthUsd(),
          reason != null,
          reason);
    }
  }
}
