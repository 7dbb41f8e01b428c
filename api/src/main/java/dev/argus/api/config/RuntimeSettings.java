package dev.argus.api.config;

import dev.argus.contract.WireJson;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.RuntimeConfig;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runtime settings in {@code runtime_config} (one row of {@link RuntimeConfig} as wire JSON);
 * {@link RuntimeConfig#defaults()} until the first {@code PUT /api/config}. Read on every call
 * (one primary-key row), so every api replica sees a change at once.
 */
@Component
public class RuntimeSettings {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ConfigOutbox outbox;

  RuntimeSettings(JdbcClient jdbc, TransactionTemplate transactions, ConfigOutbox outbox) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.outbox = outbox;
  }

  public RuntimeConfig current() {
    return read("");
  }

  /** Whether {@code exporter} (e.g. {@code energy}, {@code prometheus}) is enabled now. */
  public boolean exporterEnabled(String exporter) {
    return current().exporterEnabled(exporter);
  }

  /**
   * Replaces the settings with {@code change} applied to the current ones, and queues them for
   * {@code argus.config}, in one transaction. The row lock serialises concurrent updates, so the
   * outbox receives them in commit order.
   */
  RuntimeConfig update(UnaryOperator<RuntimeConfig> change) {
    return transactions.execute(
        status -> {
          RuntimeConfig updated = change.apply(read(" FOR UPDATE"));
          jdbc.sql(
                  """
                  INSERT INTO runtime_config (id, config, updated_at)
                  VALUES (1, CAST(:config AS jsonb), now())
                  ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = now()
                  """)
              .param("config", WireJson.MAPPER.writeValueAsString(updated))
              .update();
          outbox.append(ConfigKeys.RUNTIME, ConfigEntry.of(updated));
          return updated;
        });
  }

  private RuntimeConfig read(String lock) {
    return jdbc.sql("SELECT config::text FROM runtime_config WHERE id = 1" + lock)
        .query(String.class)
        .optional()
        .map(json -> WireJson.MAPPER.readValue(json, RuntimeConfig.class))
        .orElseGet(RuntimeConfig::defaults);
  }
}
