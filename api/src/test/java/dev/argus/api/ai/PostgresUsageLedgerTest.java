package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.vision.CallRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's SQL on a real (embedded) PostgreSQL: the ai_usage rows and the cost caps. */
class PostgresUsageLedgerTest {

  private static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
  private static final String PROVIDER_ID = "6f1c2a3e-0000-4000-8000-000000000001";

  private final JdbcClient jdbc = AiDatabase.fresh();
  private PostgresUsageLedger ledger;

  @BeforeEach
  void ledgerAtNow() {
    ledger = at(NOW);
  }

  @Test
  void everyCallIsARowWithThePurposeAndEventBoundByTheCaller() {
    // Given
    UUID event = UUID.randomUUID();

    // When
    new CallPurpose(CallPurpose.EVENT, event)
        .during(
            () -> {
              ledger.record(call(true, 0.0125));
              ledger.record(
                  new CallRecord(PROVIDER_ID, "Fallback", "m", false, null, null, null, 30, "429"));
              return null;
            });
    ledger.record(call(true, null));

    // Then
    var rows =
        jdbc.sql(
                "SELECT purpose, event_id, success, cost_usd, provider_id, error, called_at"
                    + " FROM ai_usage ORDER BY id")
            .query()
            .listOfRows();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .containsEntry("purpose", "event")
        .containsEntry("event_id", event)
        .containsEntry("success", true)
        .containsEntry("provider_id", UUID.fromString(PROVIDER_ID));
    assertThat((BigDecimal) rows.get(0).get("cost_usd")).isEqualByComparingTo("0.0125");
    assertThat(rows.get(1)).containsEntry("success", false).containsEntry("error", "429");
    // Outside a bound purpose a call is a describe of no event.
    assertThat(rows.get(2)).containsEntry("purpose", "describe").containsEntry("event_id", null);
  }

  @Test
  void noCapsNeverPause() {
    // Given
    ledger.record(call(true, 100.0));

    // Then
    assertThat(ledger.pausedReason()).isEmpty();
  }

  @Test
  void theDailyCapPausesUntilTheNextUtcMidnightAndYesterdayDoesNotCount() {
    // Given a cap of $1 a day, $0.90 spent yesterday and $0.60 today
    caps("1.00", null);
    at(NOW.minusSeconds(86_400)).record(call(true, 0.90));
    ledger.record(call(true, 0.60));
    assertThat(ledger.pausedReason()).isEmpty();

    // When today's spend reaches the cap
    ledger.record(call(true, 0.40));

    // Then
    assertThat(ledger.pausedReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("daily cost cap of $1.00 reached ($1.0000 spent)")
                    .endsWith("resume at 2026-12-04T00:00:00Z"));
    // The next UTC day starts from nothing.
    assertThat(at(Instant.parse("2026-12-04T00:00:01Z")).pausedReason()).isEmpty();
  }

  @Test
  void theMonthlyCapPausesUntilTheFirstOfTheNextMonth() {
    // Given a monthly cap of $5 and no daily cap, with $5 spent on an earlier day of the month
    caps(null, "5");
    at(Instant.parse("2026-12-01T08:00:00Z")).record(call(true, 5.0));
    // and a call of last month that does not count
    at(Instant.parse("2026-11-30T23:59:00Z")).record(call(true, 50.0));

    // Then
    assertThat(ledger.pausedReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("monthly cost cap of $5.00 reached")
                    .endsWith("resume at 2027-01-01T00:00:00Z"));
    assertThat(ledger.status().todayUsd()).isEqualByComparingTo("0");
    assertThat(ledger.status().monthUsd()).isEqualByComparingTo("5");
  }

  @Test
  void aCapChangedInTheSettingsIsSeenOnceTheJudgementIsASecondOld() {
    // Given $2 spent, no cap, and the judgement made
    MovingClock clock = new MovingClock(NOW);
    PostgresUsageLedger judged = new PostgresUsageLedger(jdbc, clock);
    judged.record(call(true, 2.0));
    assertThat(judged.pausedReason()).isEmpty();

    // When the cap is lowered below the spend
    caps("1", null);

    // Then the same instant keeps the judgement, a second later the cap pauses
    assertThat(judged.pausedReason()).isEmpty();
    clock.instant = NOW.plusMillis(PostgresUsageLedger.CACHE_MILLIS);
    assertThat(judged.pausedReason()).isPresent();
  }

  private void caps(String daily, String monthly) {
    jdbc.sql(
            "UPDATE camera_settings SET daily_cost_cap_usd = CAST(:d AS numeric),"
                + " monthly_cost_cap_usd = CAST(:m AS numeric)")
        .params(java.util.Collections.unmodifiableMap(params(daily, monthly)))
        .update();
  }

  private static Map<String, Object> params(String daily, String monthly) {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("d", daily);
    params.put("m", monthly);
    return params;
  }

  private PostgresUsageLedger at(Instant instant) {
    return new PostgresUsageLedger(jdbc, Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static CallRecord call(boolean success, Double cost) {
    return new CallRecord(PROVIDER_ID, "Primary", "gpt-4o-mini", success, 100, 20, cost, 120, null);
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant instant;

    MovingClock(Instant instant) {
      this.instant = instant;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return instant;
    }
  }
}
