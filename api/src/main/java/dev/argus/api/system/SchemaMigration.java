package dev.argus.api.system;

import dev.argus.contract.schema.ArgusSchema;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ArgusSchema#migrate} when the service starts. The first attempt runs before the web
 * server opens its port, so with a reachable database the schema is ready before the first request.
 * If the database is not reachable yet, the api starts anyway (health answers 503) and a background
 * thread retries with exponential backoff until the migration succeeds, so the api can be started
 * before PostgreSQL.
 */
@Component
class SchemaMigration implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

  /** Before the web server (which starts in a phase close to Integer.MAX_VALUE). */
  private static final int PHASE = 0;

  private final DataSource dataSource;
  private final ApiProperties properties;
  private final ApplicationEventPublisher events;
  private volatile boolean running;
  private volatile boolean migrated;
  private volatile Thread retryThread;

  SchemaMigration(
      DataSource dataSource, ApiProperties properties, ApplicationEventPublisher events) {
    this.dataSource = dataSource;
    this.properties = properties;
    this.events = events;
  }

  @Override
  public void start() {
    running = true;
    if (!attempt(1, properties.schemaRetryInitialBackoff())) {
      retryThread =
          Thread.ofVirtual().name("schema-migration-retry").start(this::retryUntilMigrated);
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = retryThread;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /**
   * Whether a migration attempt has completed. A failed attempt may leave the schema part-way (each
   * version commits on its own), so tables existing does not mean the schema is ready.
   */
  boolean migrated() {
    return migrated;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void retryUntilMigrated() {
    Duration backoff = properties.schemaRetryInitialBackoff();
    for (int attempt = 2; running; attempt++) {
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = min(backoff.multipliedBy(2), properties.schemaRetryMaxBackoff());
      if (attempt(attempt, backoff)) {
        return;
      }
    }
  }

  private boolean attempt(int attempt, Duration nextWait) {
    try {
      MigrateResult result = ArgusSchema.migrate(dataSource);
      migrated = true;
      log.info(
          "Database schema is at version {} ({} migration(s) applied now)",
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion,
          result.migrationsExecuted);
    } catch (RuntimeException e) {
      // Flyway wraps the pool's connection timeout; the root cause says what really failed.
      log.warn(
          "Database schema migration attempt {} failed: {}. Check that PostgreSQL is running and"
              + " ARGUS_DB_URL / ARGUS_DB_USER / ARGUS_DB_PASSWORD are right. Retrying in {} ms;"
              + " until then the api answers 503",
          attempt,
          rootMessage(e),
          nextWait.toMillis());
      return false;
    }
    // Outside the try: a listener's failure is not a failed migration to retry.
    events.publishEvent(new SchemaMigrated());
    return true;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
