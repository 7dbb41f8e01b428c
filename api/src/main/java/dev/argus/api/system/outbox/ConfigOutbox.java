package dev.argus.api.system.outbox;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a configuration change for the compacted {@code argus.config} topic, in the caller's
 * database transaction (the transactional outbox): the change and its record commit together or not
 * at all, so PostgreSQL and what collectors and the processor see cannot drift apart. The {@link
 * OutboxRelay} publishes the rows in order and deletes them once the broker has them.
 *
 * <p>Callers lock the row they change (device, runtime_config) before appending, so two changes of
 * the same key commit, and get their sequence numbers, in the same order.
 *
 * <p>A row names its topic: besides configuration, the outbox carries work for the collectors
 * ({@code argus.llm.jobs}), which must go out exactly when the request that asked for it commits.
 */
@Component
public class ConfigOutbox {

  private final JdbcClient sql;
  private final OutboxSignal signal;

  public ConfigOutbox(JdbcClient sql, OutboxSignal signal) {
    this.sql = sql;
    this.signal = signal;
  }

  /** Queues {@code value} under {@code key}; null queues a tombstone (a deleted device/target). */
  public void append(String key, ConfigEntry value) {
    append(Topics.CONFIG, key, value);
  }

  /**
   * Queues {@code value} under {@code key} for {@code topic} of the contract's catalog; null queues
   * a tombstone. Rows of all topics are published in the order they were appended.
   */
  public <V> void append(Topic<String, V> topic, String key, V value) {
    String json =
        value == null
            ? null
            : new String(
                topic.valueSerde().serializer().serialize(topic.name(), value),
                StandardCharsets.UTF_8);
    sql.sql("INSERT INTO config_outbox (topic, record_key, record_value) VALUES (?, ?, ?::jsonb)")
        .params(topic.name(), key, json)
        .update();
    wakeRelayAfterCommit();
  }

  private void wakeRelayAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              signal.poke();
            }
          });
    } else {
      signal.poke();
    }
  }
}
