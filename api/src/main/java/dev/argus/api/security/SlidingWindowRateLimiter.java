package dev.argus.api.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sliding-window rate limit whose state lives in PostgreSQL ({@code rate_limit_hits}), so every
 * api replica sees the same counts. Each decision runs in one transaction holding an advisory lock
 * on its bucket, which makes it exact under concurrent requests: of N simultaneous requests against
 * a limit L, exactly min(N, L) are admitted. Time is the database's clock, so replicas with skewed
 * clocks still agree.
 */
@Component
class SlidingWindowRateLimiter {

  /**
   * @param remaining how many more requests the window admits now
   * @param resetAt when the oldest request in the window leaves it
   * @param retryAfterSeconds whole seconds until a denied request would be admitted (0 if allowed)
   */
  record Decision(
      boolean allowed, int limit, int remaining, Instant resetAt, long retryAfterSeconds) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  SlidingWindowRateLimiter(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Admits one request into {@code bucket} if fewer than {@code limit} are in the window. */
  Decision tryAcquire(String bucket, int limit, Duration window) {
    return transactions.execute(status -> decide(bucket, limit, window, true));
  }

  /** Whether the bucket is full, without counting a request. */
  Decision peek(String bucket, int limit, Duration window) {
    return transactions.execute(status -> decide(bucket, limit, window, false));
  }

  private Decision decide(String bucket, int limit, Duration window, boolean acquire) {
    long windowMillis = window.toMillis();
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:bucket, 0))")
        .param("bucket", bucket)
        .query(Object.class)
        .single();
    Instant now =
        jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
    Instant windowStart = now.minusMillis(windowMillis);
    jdbc.sql("DELETE FROM rate_limit_hits WHERE bucket = :bucket AND at <= :start")
        .param("bucket", bucket)
        .param("start", OffsetDateTime.ofInstant(windowStart, java.time.ZoneOffset.UTC))
        .update();
    var inWindow =
        jdbc.sql(
                "SELECT count(*) AS n, min(at) AS oldest FROM rate_limit_hits WHERE bucket ="
                    + " :bucket")
            .param("bucket", bucket)
            .query(
                (rs, row) ->
                    new Window(rs.getInt("n"), rs.getObject("oldest", OffsetDateTime.class)))
            .single();
    boolean allowed = inWindow.count() < limit;
    if (allowed && acquire) {
      jdbc.sql("INSERT INTO rate_limit_hits (bucket, at) VALUES (:bucket, :at)")
          .param("bucket", bucket)
          .param("at", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
          .update();
    }
    int used = inWindow.count() + (allowed && acquire ? 1 : 0);
    Instant oldest = inWindow.oldest() == null ? now : inWindow.oldest().toInstant();
    Instant resetAt = oldest.plusMillis(windowMillis);
    long retryAfter =
        allowed ? 0 : Math.max(1, (Duration.between(now, resetAt).toMillis() + 999) / 1000);
    return new Decision(allowed, limit, Math.max(0, limit - used), resetAt, retryAfter);
  }

  private record Window(int count, OffsetDateTime oldest) {}
}
