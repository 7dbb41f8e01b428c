package dev.argus.api.system.outbox;

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
    String json =
        value == null
            ? null
            : new String(
                Topics.CONFIG.valueSerde().serializer().serialize(Topics.CONFIG.name(), value),
                StandardCharsets.UTF_8);
    sql.sql("INSERT INTO config_outbox (record_key, record_value) VALUES (?, ?::jsonb)")
        .params(key, json)
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
