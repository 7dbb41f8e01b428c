package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.testing.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limiter against a real PostgreSQL, with separate limiter instances standing for separate api
 * replicas that share the database.
 */
class SlidingWindowRateLimiterIT {

  private static DataSource database;

  @BeforeAll
  static void migrate() {
    database = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());
    ArgusSchema.migrate(database);
  }

  private static SlidingWindowRateLimiter replica() {
    return new SlidingWindowRateLimiter(
        JdbcClient.create(database),
        new TransactionTemplate(new DataSourceTransactionManager(database)));
  }

  @Test
  void admitsExactlyTheLimitOfConcurrentRequestsAcrossReplicas() throws Exception {
    // Given: three replicas and 60 requests at once against a limit of 25
    List<SlidingWindowRateLimiter> replicas = List.of(replica(), replica(), replica());
    ExecutorService pool = Executors.newFixedThreadPool(12);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      SlidingWindowRateLimiter limiter = replicas.get(i % 3);
      Callable<Boolean> request =
          () -> {
            start.await();
            return limiter.tryAcquire("key:concurrent", 25, Duration.ofMinutes(1)).allowed();
          };
      answers.add(pool.submit(request));
    }

    // When
    start.countDown();
    int admitted = 0;
    for (Future<Boolean> answer : answers) {
      admitted += answer.get() ? 1 : 0;
    }
    pool.shutdown();

    // Then
    assertThat(admitted).isEqualTo(25);
  }

  @Test
  void theWindowSlides() {
    SlidingWindowRateLimiter limiter = replica();
    Duration window = Duration.ofMillis(1500);
    assertThat(limiter.tryAcquire("key:slide", 2, window).allowed()).isTrue();
    assertThat(limiter.tryAcquire("key:slide", 2, window).remaining()).isZero();

    var denied = limiter.tryAcquire("key:slide", 2, window);
    assertThat(denied.allowed()).isFalse();
    assertThat(denied.retryAfterSeconds()).isBetween(1L, 2L);

    // The window runs on the database's clock, so the test waits for it rather than moving it: a
    // refused attempt counts nothing, so asking until one is admitted leaves the window as it was.
    await("a request admitted once the first has left the window")
        .atMost(window.multipliedBy(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> limiter.tryAcquire("key:slide", 2, window).allowed());
  }

  @Test
  void peekingCountsNothing() {
    SlidingWindowRateLimiter limiter = replica();
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.peek("key:peek", 1, Duration.ofMinutes(1)).allowed()).isTrue();
    }
    assertThat(limiter.tryAcquire("key:peek", 1, Duration.ofMinutes(1)).allowed()).isTrue();
    assertThat(limiter.peek("key:peek", 1, Duration.ofMinutes(1)).allowed()).isFalse();
  }
}
