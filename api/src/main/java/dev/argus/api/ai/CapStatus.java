package dev.argus.api.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The cost caps against what was spent in the current UTC day and month.
 *
 * @param dailyCapUsd null: no daily cap
 * @param monthlyCapUsd null: no monthly cap
 */
record CapStatus(
    BigDecimal dailyCapUsd,
    BigDecimal monthlyCapUsd,
    BigDecimal todayUsd,
    BigDecimal monthUsd,
    Instant at) {

  /**
   * Why descriptions are paused, naming the cap and when it resumes (next UTC midnight, first of
   * the next month); the monthly cap first, as it lasts longer.
   */
  Optional<String> pausedReason() {
    LocalDate today = at.atOffset(ZoneOffset.UTC).toLocalDate();
    if (monthlyCapUsd != null && monthUsd.compareTo(monthlyCapUsd) >= 0) {
      Instant resumes =
          today.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Optional.of(reason("monthly", monthlyCapUsd, monthUsd, resumes));
    }
    if (dailyCapUsd != null && todayUsd.compareTo(dailyCapUsd) >= 0) {
      Instant resumes = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Optional.of(reason("daily", dailyCapUsd, todayUsd, resumes));
    }
    return Optional.empty();
  }

  private static String reason(String period, BigDecimal cap, BigDecimal spent, Instant resumes) {
    return period
        + " cost cap of $"
        + cap.setScale(2, RoundingMode.HALF_UP).toPlainString()
        + " reached ($"
        + spent.setScale(4, RoundingMode.HALF_UP).toPlainString()
        + " spent); descriptions resume at "
        + resumes;
  }
}
