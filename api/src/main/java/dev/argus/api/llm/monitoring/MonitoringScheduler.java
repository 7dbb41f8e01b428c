package dev.argus.api.llm.monitoring;

import dev.argus.api.system.BackgroundThread;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues a scheduled monitoring run every {@code interval_minutes} while monitoring is enabled.
 *
 * <p>Its state is only in the database: a run is due when {@code last_run_at} is older than the
 * interval, so a restarted api or another replica carries on where this one stopped. One background
 * thread looks every {@link MonitoringSchedulerProperties#checkInterval()}; each look is one
 * transaction that first takes a transaction-scoped PostgreSQL advisory lock (only one replica
 * schedules at a time; if it dies, its lock goes with its connection) and then locks the settings
 * row before deciding, so even two looks at the same moment queue one run. An interval changed
 * through the api applies at the next look.
 */
@Component
class MonitoringScheduler extends BackgroundThread {

  private static final Logger log = LoggerFactory.getLogger(MonitoringScheduler.class);

  /** Advisory lock id of the scheduler ("argus-lm" in ASCII); no other Argus lock uses it. */
  static final long SCHEDULER_LOCK_ID = 0x6172677573_2d6c6dL;

  /** After the schema migration (phase 0) and with the outbox relay (phase 1). */
  private static final int PHASE = 1;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final MonitoringConfigRepository config;
  private final MonitoringRuns runs;
  private final MonitoringSchedulerProperties properties;

  MonitoringScheduler(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      MonitoringConfigRepository config,
      MonitoringRuns runs,
      MonitoringSchedulerProperties properties) {
    super("llm-monitoring-scheduler", PHASE);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.config = config;
    this.runs = runs;
    this.properties = properties;
  }

  /** A replica whose scheduler is off (ARGUS_API_LLM_SCHEDULER_ENABLED) leaves it to others. */
  @Override
  protected boolean enabled() {
    return properties.schedulerEnabled();
  }

  @Override
  protected void runUntilStopped() {
    int failures = 0;
    while (running()) {
      try {
        runIfDue().ifPresent(runId -> log.info("Queued scheduled LLM monitoring run {}", runId));
        failures = 0;
      } catch (RuntimeException e) {
        // The database is down or not migrated yet; the next look tries again.
        if (failures++ == 0) {
          log.warn("LLM monitoring scheduler cannot check for a due run: {}", e.getMessage());
        }
      }
      try {
        Thread.sleep(properties.checkInterval());
      } catch (InterruptedException e) {
        break;
      }
    }
  }

  /**
   * Queues a scheduled run if one is due and no other replica is scheduling right now.
   *
   * @return the run id when this call queued one
   */
  Optional<String> runIfDue() {
    return transactions.execute(
        tx -> {
          boolean leader =
              jdbc.sql("SELECT pg_try_advisory_xact_lock(:id)")
                  .param("id", SCHEDULER_LOCK_ID)
                  .query(Boolean.class)
                  .single();
          if (!leader || !config.lockIfDue()) {
            return Optional.empty();
          }
          return Optional.of(runs.enqueue(MonitoringRuns.SCHEDULED));
        });
  }
}
