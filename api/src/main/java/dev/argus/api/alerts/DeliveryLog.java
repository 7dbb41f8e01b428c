package dev.argus.api.alerts;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.paging.Page;
import dev.argus.api.system.paging.PagedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code alert_deliveries} (every outcome) and {@code alert_cooldowns} (when a subject's event type
 * was last sent through a provider, shared by every api replica).
 */
@Repository
class DeliveryLog {

  private final JdbcClient sql;

  private final PagedQuery pages;

  DeliveryLog(JdbcClient sql, PagedQuery pages) {
    this.sql = sql;
    this.pages = pages;
  }

  /** One outcome of a notification; an event's second "sent" for a provider is not stored. */
  void record(
      AlertMessage message, String provider, DeliveryOutcome outcome, int attempts, String error) {
    sql.sql(
            """
            INSERT INTO alert_deliveries (event_id, subject_id, event_type, severity, provider,
                outcome, attempts, error, is_test)
            VALUES (:eventId, :subjectId, :eventType, :severity, :provider, :outcome, :attempts,
                :error, :isTest)
            ON CONFLICT (event_id, provider) WHERE event_id IS NOT NULL AND outcome = 'sent'
            DO NOTHING
            """)
        .param("eventId", message.eventId())
        .param("subjectId", message.subjectId())
        .param("eventType", message.eventType())
        .param("severity", message.severity().wireName())
        .param("provider", provider)
        .param("outcome", outcome.wireName())
        .param("attempts", attempts)
        .param("error", error == null ? null : truncate(error))
        .param("isTest", message.isTest())
        .update();
  }

  /** Whether this event already went out through this provider (a redelivered record). */
  boolean alreadySent(String eventId, String provider) {
    return sql.sql(
            "SELECT EXISTS (SELECT 1 FROM alert_deliveries WHERE event_id = ? AND provider = ?"
                + " AND outcome = 'sent')")
        .params(eventId, provider)
        .query(Boolean.class)
        .single();
  }

  /**
   * Claims the right to send now: true, and {@code now} stored as the last send, when nothing was
   * sent within the cooldown; false otherwise. One atomic upsert, so two replicas handling the same
   * subject at once cannot both win.
   */
  boolean claimCooldown(
      String subjectId, String eventType, String provider, Instant now, int cooldownMinutes) {
    return sql.sql(
            """
            INSERT INTO alert_cooldowns AS c (subject_id, event_type, provider, last_sent_at)
            VALUES (:subject, :type, :provider, :now)
            ON CONFLICT (subject_id, event_type, provider) DO UPDATE
                SET last_sent_at = EXCLUDED.last_sent_at
                WHERE c.last_sent_at <= EXCLUDED.last_sent_at - make_interval(mins => :minutes)
            RETURNING 1
            """)
        .param("subject", subjectId)
        .param("type", eventType)
        .param("provider", provider)
        .param("now", at(now))
        .param("minutes", cooldownMinutes)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /** Gives a claim back after the send failed, so the next event is not held back by it. */
  void releaseCooldown(String subjectId, String eventType, String provider, Instant claimedAt) {
    sql.sql(
            """
            DELETE FROM alert_cooldowns
            WHERE subject_id = ? AND event_type = ? AND provider = ? AND last_sent_at = ?
            """)
        .params(subjectId, eventType, provider, at(claimedAt))
        .update();
  }

  /** The log is append-only: its unfiltered total is estimated once it is large (PagedQuery). */
  Page<Delivery> page(int page, int pageSize) {
    return pages.fetch(
        "id, event_id, subject_id, event_type, severity, provider, outcome, attempts, error,"
            + " is_test, created_at",
        "alert_deliveries",
        "created_at DESC, id DESC",
        Map.of(),
        false,
        DeliveryLog::delivery,
        page,
        pageSize);
  }

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        rs.getString("event_id"),
        rs.getString("subject_id"),
        rs.getString("event_type"),
        rs.getString("severity"),
        rs.getString("provider"),
        rs.getString("outcome"),
        rs.getInt("attempts"),
        rs.getString("error"),
        rs.getBoolean("is_test"),
        Columns.instant(rs, "created_at"));
  }

  private static OffsetDateTime at(Instant instant) {
    // PostgreSQL keeps microseconds; a claim must compare equal to what was stored.
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    return error.length() <= 1000 ? error : error.substring(0, 1000) + "…";
  }
}
