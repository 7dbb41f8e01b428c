package dev.argus.api.power;

import dev.argus.api.system.ApiProperties;
import dev.argus.api.system.jdbc.Columns;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Manual polls in {@code poll_triggers}, and their progress as the collectors report it in {@code
 * collector_status}. The partial unique index on open triggers lets at most one be queued or
 * running across all api replicas. A trigger moves on when it is looked at ({@link #settle}):
 * running while a live collector reports a poll in progress; done once a collector reports this
 * trigger as its last one, or completes a cycle that started after the trigger was requested;
 * expired when none did within the timeout.
 */
@Repository
class PollTriggers {

  /** The open trigger, if any. */
  record OpenTrigger(UUID id, String status, Instant requestedAt) {}

  private final JdbcClient jdbc;
  private final TriggerProperties triggers;
  private final ApiProperties api;
  private final Clock clock;

  PollTriggers(JdbcClient jdbc, TriggerProperties triggers, ApiProperties api, Clock clock) {
    this.jdbc = jdbc;
    this.triggers = triggers;
    this.api = api;
    this.clock = clock;
  }

  /** Brings the open trigger up to date with the collectors' reports; returns it if still open. */
  Optional<OpenTrigger> settle() {
    jdbc.sql(
            """
            UPDATE poll_triggers SET status = 'expired', completed_at = now(),
                message = 'No collector completed the poll in time'
            WHERE status IN ('queued', 'running') AND requested_at < :deadline
            """)
        .param("deadline", utc(clock.instant().minus(triggers.timeout())))
        .update();
    jdbc.sql(
            """
            UPDATE poll_triggers t SET status = 'done', completed_at = now(),
                started_at = COALESCE(t.started_at, now()), message = 'Poll completed'
            WHERE t.status IN ('queued', 'running') AND EXISTS (
                SELECT 1 FROM collector_status c
                WHERE c.last_trigger_id = t.id::text
                   OR (NOT c.poll_in_progress
                       AND c.last_cycle_started_at >= t.requested_at
                       AND c.last_cycle_completed_at >= c.last_cycle_started_at))
            """)
        .update();
    jdbc.sql(
            """
            UPDATE poll_triggers SET status = 'running', started_at = now()
            WHERE status = 'queued' AND EXISTS (
                SELECT 1 FROM collector_status
                WHERE poll_in_progress AND last_heartbeat >= :fresh)
            """)
        .param("fresh", freshSince())
        .update();
    return jdbc.sql(
            "SELECT id, status, requested_at FROM poll_triggers"
                + " WHERE status IN ('queued', 'running')")
        .query(
            (rs, row) ->
                new OpenTrigger(
                    rs.getObject("id", UUID.class),
                    rs.getString("status"),
                    Columns.instant(rs, "requested_at")))
        .optional();
  }

  /** Whether a live collector reports a poll cycle running now (scheduled or manual). */
  boolean collectorPolling() {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM collector_status"
                + " WHERE poll_in_progress AND last_heartbeat >= :fresh)")
        .param("fresh", freshSince())
        .query(Boolean.class)
        .single();
  }

  /** Opens a trigger; empty when one is open already (the unique index decides, not a check). */
  Optional<UUID> open() {
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("INSERT INTO poll_triggers (id, status) VALUES (:id, 'queued')")
          .param("id", id)
          .update();
      return Optional.of(id);
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
  }

  /** Closes a trigger whose command never reached Kafka, so it does not block the next one. */
  void undelivered(UUID id, String reason) {
    jdbc.sql(
            "UPDATE poll_triggers SET status = 'expired', completed_at = now(), message = :message"
                + " WHERE id = :id")
        .param("id", id)
        .param("message", "Not delivered: " + reason)
        .update();
  }

  private OffsetDateTime freshSince() {
    return utc(clock.instant().minus(api.collectorStaleness()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
