package dev.argus.api.system.runtimeconfig;

import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.api.system.secrets.SecretStore;
import dev.argus.contract.WireJson;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runtime settings in {@code runtime_config} (one row of {@link RuntimeConfig} as wire JSON);
 * {@link RuntimeConfig#defaults()} until the first {@code PUT /api/config}. Read on every call (one
 * primary-key row), so every api replica sees a change at once.
 *
 * <p>{@code nut_password} is stored and published encrypted (the collector decrypts it); the api
 * itself never needs it in plain, so {@link #current()} returns the envelope.
 */
@Component
public class RuntimeSettings implements SecretStore {

  static final String NUT_PASSWORD = "nut_password";
  private static final SecretContext NUT_PASSWORD_CONTEXT =
      SecretContext.runtimeField(NUT_PASSWORD);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ConfigOutbox outbox;
  private final SecretCipher cipher;

  RuntimeSettings(
      JdbcClient jdbc, TransactionTemplate transactions, ConfigOutbox outbox, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.outbox = outbox;
    this.cipher = cipher;
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
  public RuntimeConfig update(UnaryOperator<RuntimeConfig> change) {
    return transactions.execute(
        status -> {
          RuntimeConfig current = read(" FOR UPDATE");
          RuntimeConfig updated = encryptNutPassword(change.apply(current), current.nutPassword());
          write(updated);
          return updated;
        });
  }

  @Override
  public String table() {
    return "runtime_config";
  }

  @Override
  public int rewrite(BiFunction<String, SecretContext, String> rewrite) {
    return transactions.execute(
        status -> {
          RuntimeConfig current = read(" FOR UPDATE");
          if (current.nutPassword() == null) {
            return 0;
          }
          String rewritten = rewrite.apply(current.nutPassword(), NUT_PASSWORD_CONTEXT);
          if (rewritten.equals(current.nutPassword())) {
            return 0;
          }
          write(current.withNutPassword(rewritten));
          return 1;
        });
  }

  /**
   * {@code updated} with its NUT password encrypted: a new one (from the request, so plaintext)
   * always, the stored one only if an older version left it in plain.
   */
  private RuntimeConfig encryptNutPassword(RuntimeConfig updated, String stored) {
    String password = updated.nutPassword();
    if (password == null) {
      return updated;
    }
    return updated.withNutPassword(
        Objects.equals(password, stored)
            ? cipher.protect(password, NUT_PASSWORD_CONTEXT)
            : cipher.encrypt(password, NUT_PASSWORD_CONTEXT));
  }

  /** The row and its record for {@code argus.config}, in the caller's transaction. */
  private void write(RuntimeConfig updated) {
    jdbc.sql(
            """
            INSERT INTO runtime_config (id, config, updated_at)
            VALUES (1, CAST(:config AS jsonb), now())
            ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = now()
            """)
        .param("config", WireJson.MAPPER.writeValueAsString(updated))
        .update();
    outbox.append(ConfigKeys.RUNTIME, ConfigEntry.of(updated));
  }

  private RuntimeConfig read(String lock) {
    return jdbc.sql("SELECT config::text FROM runtime_config WHERE id = 1" + lock)
        .query(String.class)
        .optional()
        .map(json -> WireJson.MAPPER.readValue(json, RuntimeConfig.class))
        .orElseGet(RuntimeConfig::defaults);
  }
}
