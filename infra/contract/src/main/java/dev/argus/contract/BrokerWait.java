package dev.argus.contract;

import dev.argus.contract.kafka.BrokerWaitSettings;
import dev.argus.contract.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalog's topics at start-up, waiting as long as it takes for a broker that cannot be
 * reached: each attempt is bounded, failed attempts are logged once each with the pause before the
 * next (1 s doubling to {@link BrokerWaitSettings#maxBackoff()}), and the wait ends by itself when
 * the broker answers. Only an unreachable broker is waited for: anything else the broker answers (a
 * replication factor the cluster cannot hold, a refused topic configuration, a missing right) is a
 * setting to fix, and ends the wait at once with the broker's own words.
 */
public final class BrokerWait {

  private static final Logger log = LoggerFactory.getLogger(BrokerWait.class);
  private static final String BOOTSTRAP_SETTING = "ARGUS_KAFKA_BOOTSTRAP_SERVERS";

  private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  // The admin client logs a warning for every failed connection, from 50 ms apart by default: from
  // 1 s doubling to 5 s keeps them to a few per attempt beside the one line the wait logs. A fresh
  // client dials at once, so a broker that came up is found at the next attempt all the same.
  private static final int RECONNECT_BACKOFF_MS = 1_000;
  private static final int RECONNECT_BACKOFF_MAX_MS = 5_000;

  private final KafkaSettings kafka;
  private final BrokerWaitSettings settings;
  private final String clientId;
  private volatile String waitingFor;

  /**
   * @param clientId the admin client's id, so that the broker's log says which service asked
   */
  public BrokerWait(KafkaSettings kafka, BrokerWaitSettings settings, String clientId) {
    this.kafka = kafka;
    this.settings = settings;
    this.clientId = clientId;
    this.waitingFor = "the Kafka broker at " + kafka.bootstrapServers() + ": first attempt";
  }

  /**
   * Returns once the catalog's topics exist. The attempts run on a thread of their own and the
   * caller waits without a timeout: a shutdown hook that interrupts a start-up thread only when it
   * waits that way (Spring's does) then ends the wait instead of waiting for it.
   *
   * @throws IllegalStateException when the broker answered with an error that waiting cannot mend
   * @throws InterruptedException when the caller was interrupted (the service is stopping)
   */
  public void awaitTopics() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    RuntimeException[] failure = new RuntimeException[1];
    Thread attempts =
        Thread.ofPlatform()
            .name(clientId + "-broker-wait")
            .daemon()
            .start(
                () -> {
                  try {
                    createTopics();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (RuntimeException e) {
                    failure[0] = e;
                  } finally {
                    done.countDown();
                  }
                });
    try {
      done.await();
    } catch (InterruptedException e) {
      attempts.interrupt();
      log.info("Stopped waiting for {}: the service is stopping", waitingFor);
      throw e;
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  /** What start-up is still waiting for, with the last attempt's error; empty once topics exist. */
  public Optional<String> waitingFor() {
    return Optional.ofNullable(waitingFor);
  }

  private void createTopics() throws InterruptedException {
    long started = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      long attemptStarted = System.nanoTime();
      try {
        tryOnce();
        waitingFor = null;
        if (attempt > 1) {
          log.info(
              "The Kafka broker at {} answered after {} attempts ({}); the topics are ready",
              kafka.bootstrapServers(),
              attempt,
              since(started));
        }
        return;
      } catch (KafkaException | IllegalStateException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("Stopped while creating the Kafka topics");
        }
        if (!brokerUnreachable(e)) {
          throw new IllegalStateException(
              "Could not create the Kafka topics at "
                  + kafka.bootstrapServers()
                  + ": "
                  + deepestMessage(e)
                  + " (check argus.kafka.replication-factor (ARGUS_KAFKA_REPLICATION_FACTOR)"
                  + " and the broker's settings)",
              e);
        }
        Duration backoff = settings.backoffAfter(attempt);
        waitingFor =
            "the Kafka broker at "
                + kafka.bootstrapServers()
                + " ("
                + BOOTSTRAP_SETTING
                + ") to create the topics: attempt "
                + attempt
                + " failed ("
                + unanswered(e)
                + "), next in "
                + backoff.toMillis()
                + " ms";
        log.warn(
            "Waiting for the Kafka broker at {} ({}) to create the topics: attempt {} failed"
                + " after {} ({}); trying again in {}, waiting {} so far",
            kafka.bootstrapServers(),
            BOOTSTRAP_SETTING,
            attempt,
            since(attemptStarted),
            unanswered(e),
            backoff,
            since(started));
        Thread.sleep(backoff);
      }
    }
  }

  /**
   * One attempt with an admin client of its own: a client that failed to connect for a long time
   * holds on to backoffs and stale metadata, and a fresh one finds a broker that just came up.
   */
  private void tryOnce() {
    Admin admin = Admin.create(adminConfig());
    try {
      new TopicProvisioner(admin, kafka.replicationFactor()).ensure(Topics.all());
    } finally {
      admin.close(Thread.currentThread().isInterrupted() ? Duration.ZERO : ADMIN_CLOSE_TIMEOUT);
    }
  }

  private Map<String, Object> adminConfig() {
    int timeoutMs = (int) settings.attemptTimeout().toMillis();
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers(),
        AdminClientConfig.CLIENT_ID_CONFIG,
        clientId,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        timeoutMs,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        timeoutMs,
        AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG,
        RECONNECT_BACKOFF_MS,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
        RECONNECT_BACKOFF_MAX_MS);
  }

  /**
   * Whether {@code e} says the broker did not answer (a timeout, a connection that failed, an
   * address that does not resolve yet, as when a container is not up) rather than what it answered.
   */
  static boolean brokerUnreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetriableException
          || cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
      if (cause instanceof ConfigException
          && String.valueOf(cause.getMessage()).startsWith("No resolvable bootstrap urls")) {
        return true;
      }
    }
    return false;
  }

  /** Why an attempt got no answer, in the client's words when it has some. */
  private String unanswered(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException && cause.getMessage() == null) {
        return "no answer within " + settings.attemptTimeout();
      }
    }
    return deepestMessage(e);
  }

  private static String deepestMessage(Throwable e) {
    String message = e.toString();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message;
  }

  private static String since(long startNanos) {
    return Duration.ofMillis((System.nanoTime() - startNanos) / 1_000_000).toString();
  }
}
