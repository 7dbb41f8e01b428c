package dev.argus.processor.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Enforces {@code ARGUS_LLM_HISTORY_RETENTION} on {@code llm_probe_results}: shortly after start-up
 * and then every {@link #CHECK_INTERVAL}, rows older than the retention are deleted (the processor
 * role may delete from this table alone). On plain PostgreSQL as on TimescaleDB, so a deployment
 * without the extension keeps a bounded history too. A failed delete (database away) is logged and
 * tried again at the next check.
 */
final class LlmProbeRetention implements SmartLifecycle {

  static final Duration CHECK_INTERVAL = Duration.ofHours(1);
  private static final Duration FIRST_CHECK = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(LlmProbeRetention.class);

  private final DataSource dataSource;
  private final Duration retention;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  LlmProbeRetention(DataSource dataSource, Duration retention, Clock clock) {
    this.dataSource = dataSource;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * Deletes the probes older than the retention as of {@code now}.
   *
   * @return the rows deleted; 0 when the retention is 0 (keep everything)
   */
  int deleteExpired(Instant now) throws SQLException {
    if (retention.isZero()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return LlmProbeWriter.deleteOlderThan(connection, now.minus(retention));
    }
  }

  private void check() {
    try {
      int deleted = deleteExpired(clock.instant());
      if (deleted > 0) {
        log.info("Deleted {} LLM probe results older than {}", deleted, retention);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn(
          "Could not apply the LLM history retention ({}); trying again in {}",
          e.getMessage(),
          CHECK_INTERVAL);
    }
  }

  @Override
  public synchronized void start() {
    if (scheduler != null || retention.isZero()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("argus-llm-retention").daemon().factory());
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
