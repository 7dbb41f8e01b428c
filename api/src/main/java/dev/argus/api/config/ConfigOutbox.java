package dev.argus.api.config;

import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a configuration change for the compacted {@code argus.config} topic, in the caller's
 * database transaction (the transactional outbox): the change and its record commit together or
 * not at all, so PostgreSQL and what collectors and the processor see cannot drift apart. A relay
 * publishes the rows in order and deletes them once the broker has them.
 */
@Component
public class ConfigOutbox {

  private final JdbcClient sql;

  public ConfigOutbox(JdbcClient sql) {
    this.sql = sql;
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
  }
}
