package dev.argus.processor.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Enforces {@code camera_settings.event_retention_days} (set through the api, read again at every
 * check, so a change applies at the next one): shortly after start-up and then every {@link
 * #CHECK_INTERVAL}, camera events that occurred before the retention are deleted with their frames
 * and their description history, in one transaction. Descriptions older than the retention whose
 * event was never stored go too: their event, older still, would be deleted as soon as it came. A
 * failed check (database away) is logged and tried again at the next one.
 */
final class CameraEventRetention implements SmartLifecycle {

  static final Duration CHECK_INTERVAL = Duration.ofHours(1);
  private static final Duration FIRST_CHECK = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(CameraEventRetention.class);

  private static final String RETENTION_DAYS =
      "SELECT event_retention_days FROM camera_settings WHERE id = 1";

  // The frames go by the foreign key's ON DELETE CASCADE; the history has no foreign key (a
  // description may be stored before its event), so it is deleted by event id.
  private static final String DELETE_EVENTS =
      """
      WITH expired AS (
          DELETE FROM camera_events WHERE occurred_at < ? RETURNING id
      ), history AS (
          DELETE FROM camera_event_descriptions d USING expired e WHERE d.event_id = e.id
      )
      SELECT count(*) FROM expired
      """;

  private static final String DELETE_ORPHAN_DESCRIPTIONS =
      """
      DELETE FROM camera_event_descriptions d
      WHERE d.described_at < ?
        AND NOT EXISTS (SELECT 1 FROM camera_events e WHERE e.id = d.event_id)
      """;

  private final DataSource dataSource;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  CameraEventRetention(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Deletes the events older than the configured retention as of {@code now}.
   *
   * @return the events deleted; 0 when there is no settings row
   */
  int deleteExpired(Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        OptionalInt days = retentionDays(connection);
        if (days.isEmpty()) {
          connection.rollback();
          return 0;
        }
        Instant cutoff = now.minus(Duration.ofDays(days.getAsInt()));
        int deleted = deleteEvents(connection, cutoff);
        deleteOrphanDescriptions(connection, cutoff);
        connection.commit();
        return deleted;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static OptionalInt retentionDays(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(RETENTION_DAYS);
        ResultSet row = select.executeQuery()) {
      return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
    }
  }

  private static int deleteEvents(Connection connection, Instant cutoff) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(DELETE_EVENTS)) {
      delete.setObject(1, SqlValues.timestamp(cutoff), Types.TIMESTAMP_WITH_TIMEZONE);
      try (ResultSet count = delete.executeQuery()) {
        count.next();
        return count.getInt(1);
      }
    }
  }

  private static void deleteOrphanDescriptions(Connection connection, Instant cutoff)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(DELETE_ORPHAN_DESCRIPTIONS)) {
      delete.setObject(1, SqlValues.timestamp(cutoff), Types.TIMESTAMP_WITH_TIMEZONE);
      delete.executeUpdate();
    }
  }

  private void check() {
    try {
      int deleted = deleteExpired(clock.instant());
      if (deleted > 0) {
        log.info("Deleted {} camera events older than the event retention", deleted);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn(
          "Could not apply the camera event retention ({}); trying again in {}",
          e.getMessage(),
          CHECK_INTERVAL);
    }
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("argus-camera-retention").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::check, FIRST_CHECK.toMillis(), CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
