package dev.argus.api.system.outbox;

import dev.argus.api.system.BackgroundThread;
import dev.argus.api.system.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@code config_outbox} rows, each to the topic it names ({@code argus.config}, one
 * partition, so one order; {@code argus.llm.jobs}), and deletes them once the broker has
 * acknowledged them.
 *
 * <p>One background thread. Each batch runs in one database transaction that first takes a
 * transaction-scoped PostgreSQL advisory lock: only one api replica relays at a time, and if it
 * dies its lock goes with its connection, so another takes over at its next poll. Rows are sent in
 * {@code seq} order with an idempotent producer and deleted in the same transaction after every
 * send is acknowledged; a failure rolls the batch back and it is sent again (at least once: a
 * repeated record carries the same value under the same key, which the compacted topic absorbs).
 * While Kafka or the database is down the relay retries with doubling backoff; the api keeps
 * serving meanwhile and the rows wait in PostgreSQL.
 */
@Component
class OutboxRelay extends BackgroundThread {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** Advisory lock id of the relay ("argus-cf" in ASCII); no other Argus lock uses it. */
  static final long RELAY_LOCK_ID = 0x6172677573_2d6366L;

  /** After the schema migration (phase 0), before the web server. */
  private static final int PHASE = 1;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KafkaClients kafka;
  private final OutboxSignal signal;
  private final OutboxProperties properties;

  private KafkaProducer<String, byte[]> producer;
  private boolean topicsProvisioned;

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaClients kafka,
      OutboxSignal signal,
      OutboxProperties properties) {
    super("config-outbox-relay", PHASE);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.signal = signal;
    this.properties = properties;
  }

  @Override
  protected void runUntilStopped() {
    Duration backoff = properties.retryInitialBackoff();
    int failures = 0;
    while (running()) {
      try {
        int published = relayOnce();
        if (failures > 0) {
          log.info("Config outbox relay recovered after {} failed attempt(s)", failures);
        }
        failures = 0;
        backoff = properties.retryInitialBackoff();
        if (published < properties.batchSize()) {
          signal.await(properties.pollInterval());
        }
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        failures++;
        closeProducer();
        log.warn(
            "Config outbox relay attempt failed ({}); check ARGUS_KAFKA_BOOTSTRAP_SERVERS ({}) and"
                + " the database. Rows stay queued; retrying in {} ms",
            rootMessage(e),
            kafka.settings().bootstrapServers(),
            backoff.toMillis());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          break;
        }
        backoff = min(backoff.multipliedBy(2), properties.retryMaxBackoff());
      }
    }
    closeProducer();
  }

  /**
   * Publishes one batch if this replica holds the relay lock.
   *
   * @return how many rows were published and deleted; 0 when there were none or another replica
   *     relays
   */
  int relayOnce() {
    if (!topicsProvisioned) {
      kafka.provisionTopics();
      topicsProvisioned = true;
    }
    if (producer == null) {
      producer = kafka.producer("config-relay");
    }
    Integer published = transactions.execute(status -> publishBatch());
    return published == null ? 0 : published;
  }

  private int publishBatch() {
    boolean leader =
        jdbc.sql("SELECT pg_try_advisory_xact_lock(:id)")
            .param("id", RELAY_LOCK_ID)
            .query(Boolean.class)
            .single();
    if (!leader) {
      return 0;
    }
    List<OutboxRow> rows =
        jdbc.sql(
                "SELECT seq, topic, record_key, record_value::text AS record_value"
                    + " FROM config_outbox ORDER BY seq LIMIT :limit")
            .param("limit", properties.batchSize())
            .query(
                (rs, n) ->
                    new OutboxRow(
                        rs.getLong("seq"),
                        rs.getString("topic"),
                        rs.getString("record_key"),
                        rs.getString("record_value")))
            .list();
    if (rows.isEmpty()) {
      return 0;
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      // Sent in seq order by one idempotent producer: records of one partition keep that order.
      acks.add(producer.send(new ProducerRecord<>(row.topic(), row.key(), row.value())));
    }
    producer.flush();
    awaitAll(acks);
    jdbc.sql("DELETE FROM config_outbox WHERE seq IN (:seqs)")
        .param("seqs", rows.stream().map(OutboxRow::seq).toList())
        .update();
    log.debug("Published {} config record(s) up to seq {}", rows.size(), rows.getLast().seq());
    return rows.size();
  }

  private void awaitAll(List<Future<RecordMetadata>> acks) {
    long timeoutMs = Math.max(30_000, kafka.sendTimeout().toMillis());
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Kafka did not accept a config record", e.getCause());
      } catch (TimeoutException e) {
        throw new IllegalStateException("Kafka did not acknowledge a config record in time", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while publishing config records", e);
      }
    }
  }

  private void closeProducer() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
      producer = null;
    }
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

  private record OutboxRow(long seq, String topic, String key, byte[] value) {
    OutboxRow(long seq, String topic, String key, String json) {
      this(seq, topic, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
  }
}
