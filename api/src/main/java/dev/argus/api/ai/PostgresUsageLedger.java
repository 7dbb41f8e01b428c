package dev.argus.api.ai;

import dev.argus.llm.vision.CallRecord;
import dev.argus.llm.vision.UsageLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain's usage ledger in PostgreSQL, shared by every api replica: each call is an {@code
 * ai_usage} row (with the purpose and event of {@link CallPurpose#current()}), and the cost caps of
 * {@code camera_settings} are judged against the sums of {@code ai_usage.cost_usd} of the current
 * UTC day and month. The judgement is kept for {@value #CACHE_MILLIS} ms, so a burst of calls asks
 * the database once; a cap may therefore be overrun by the calls of that moment, never by more.
 */
@Component
class PostgresUsageLedger implements UsageLedger {

  static final long CACHE_MILLIS = 1_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile CapStatus cached;

  PostgresUsageLedger(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void record(CallRecord call) {
    CallPurpose purpose = CallPurpose.current();
    jdbc.sql(
            """
            INSERT INTO ai_usage (called_at, provider_id, provider, model, purpose, event_id,
                success, input_tokens, output_tokens, cost_usd, latency_ms, error)
            VALUES (:at, :providerId, :provider, :model, :purpose, :eventId, :success,
                :inputTokens, :outputTokens, :cost, :latency, :error)
            """)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("providerId", uuidOrNull(call.providerId()))
        .param("provider", call.provider() == null ? "unknown" : call.provider())
        .param("model", call.model() == null ? "unknown" : call.model())
        .param("purpose", purpose.purpose())
        .param("eventId", purpose.eventId())
        .param("success", call.success())
        .param("inputTokens", call.inputTokens())
        .param("outputTokens", call.outputTokens())
        .param("cost", call.costUsd() == null ? null : BigDecimal.valueOf(call.costUsd()))
        .param("latency", call.latencyMs())
        .param("error", call.error())
        .update();
    // The next judgement includes this call's cost.
    cached = null;
  }

  @Override
  public Optional<String> pausedReason() {
    return status().pausedReason();
  }

  /** Drops the judgement kept, so the next one reads the database (e.g. after a cap changed). */
  void forget() {
    cached = null;
  }

  /** The caps and the current day's and month's spend, at most a second old. */
  CapStatus status() {
    Instant now = clock.instant();
    CapStatus known = cached;
    if (known != null
        && !now.isBefore(known.at())
        && Duration.between(known.at(), now).toMillis() < CACHE_MILLIS
        && sameDay(known.at(), now)) {
      return known;
    }
    CapStatus fresh = read(now);
    cached = fresh;
    return fresh;
  }

  private CapStatus read(Instant now) {
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    OffsetDateTime dayStart = today.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime monthStart = today.withDayOfMonth(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    return jdbc.sql(
            """
            SELECT s.daily_cost_cap_usd, s.monthly_cost_cap_usd,
                (SELECT coalesce(sum(cost_usd), 0) FROM ai_usage
                    WHERE called_at >= :dayStart) AS today,
                (SELECT coalesce(sum(cost_usd), 0) FROM ai_usage
                    WHERE called_at >= :monthStart) AS month
            FROM camera_settings s WHERE s.id = 1
            """)
        .param("dayStart", dayStart)
        .param("monthStart", monthStart)
        .query(
            (rs, row) ->
                new CapStatus(
                    rs.getBigDecimal("daily_cost_cap_usd"),
                    rs.getBigDecimal("monthly_cost_cap_usd"),
                    rs.getBigDecimal("today"),
                    rs.getBigDecimal("month"),
                    now))
        .optional()
        .orElse(new CapStatus(null, null, BigDecimal.ZERO, BigDecimal.ZERO, now));
  }

  private static boolean sameDay(Instant a, Instant b) {
    return a.atOffset(ZoneOffset.UTC)
        .toLocalDate()
        .equals(b.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  private static UUID uuidOrNull(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
