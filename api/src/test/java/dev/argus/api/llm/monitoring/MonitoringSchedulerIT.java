package dev.argus.api.llm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.llm.LlmApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitoring scheduler against a real PostgreSQL: two schedulers on one database (as two api
 * replicas would run them), looking at the same moment, queue a due run once; the state lives in
 * the database only, so a scheduler that never ran before (a restart) carries on from it.
 */
class MonitoringSchedulerIT extends LlmApiTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private TransactionTemplate transactions;
  @Autowired private MonitoringConfigRepository config;
  @Autowired private MonitoringRuns runs;

  @Test
  void twoSchedulersLookingAtOnceQueueADueRunOnce() throws Exception {
    // Given: two replicas' schedulers, monitoring enabled and never run
    MonitoringScheduler first = scheduler();
    MonitoringScheduler second = scheduler();

    // When: both look, from 8 threads each, released together
    List<Optional<String>> queued = lookAllAtOnce(first, second, 8);

    // Then
    assertThat(queued.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM llm_monitoring_runs WHERE trigger = 'scheduled'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM config_outbox WHERE topic = 'argus.llm.jobs'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM config_outbox"
                    + " WHERE record_key = (SELECT run_id FROM llm_monitoring_runs)"))
        .isEqualTo(1);

    // When: within the interval nothing is due, for either of them
    assertThat(first.runIfDue()).isEmpty();
    assertThat(second.runIfDue()).isEmpty();
  }

  @Test
  void aRunIsDueAgainOnceTheIntervalHasPassedSinceTheLastOne() {
    // Given: the last run (of any replica, before a restart) was 16 minutes ago
    rows.execute("UPDATE llm_monitoring_config SET last_run_at = now() - interval '16 minutes'");
    MonitoringScheduler restarted = scheduler();

    // Then
    assertThat(restarted.runIfDue()).isPresent();
    assertThat(restarted.runIfDue()).isEmpty();

    // When: the interval shrinks to 1 minute through the api, 2 minutes after the last run
    admin("PATCH", "/api/v1/monitoring/config", "{\"interval_minutes\": 1}");
    rows.execute("UPDATE llm_monitoring_config SET last_run_at = now() - interval '2 minutes'");

    // Then: applied at the next look, without a restart
    assertThat(restarted.runIfDue()).isPresent();
    assertThat(count("SELECT count(*) FROM llm_monitoring_runs WHERE trigger = 'scheduled'"))
        .isEqualTo(2);
  }

  @Test
  void nothingIsQueuedWhileMonitoringIsDisabled() {
    admin("PATCH", "/api/v1/monitoring/config", "{\"enabled\": false}");

    assertThat(scheduler().runIfDue()).isEmpty();
    assertThat(count("SELECT count(*) FROM llm_monitoring_runs")).isZero();
  }

  @Test
  void aManualRunRestartsTheInterval() {
    admin("POST", "/api/v1/monitoring/run", null);

    assertThat(scheduler().runIfDue()).isEmpty();
    assertThat(count("SELECT count(*) FROM llm_monitoring_runs")).isEqualTo(1);
  }

  private MonitoringScheduler scheduler() {
    return new MonitoringScheduler(
        jdbc,
        transactions,
        config,
        runs,
        new MonitoringSchedulerProperties(true, Duration.ofSeconds(1)));
  }

  private static List<Optional<String>> lookAllAtOnce(
      MonitoringScheduler first, MonitoringScheduler second, int threadsEach) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Optional<String>>> looks = new ArrayList<>();
    for (int i = 0; i < threadsEach; i++) {
      for (MonitoringScheduler scheduler : List.of(first, second)) {
        looks.add(
            () -> {
              start.await();
              return scheduler.runIfDue();
            });
      }
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(looks.size())) {
      List<Future<Optional<String>>> futures = new ArrayList<>();
      looks.forEach(look -> futures.add(pool.submit(look)));
      start.countDown();
      List<Optional<String>> results = new ArrayList<>();
      for (Future<Optional<String>> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }
}
