package dev.argus.api.alerts;

import dev.argus.api.system.secrets.SecretStore;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single row of {@code alert_config}; defaults while it is absent. The row holds every secret
 * encrypted ({@link AlertSecrets}); {@link #load()} returns them decrypted, for delivery and for
 * keeping a secret a {@code PUT} leaves out.
 */
@Repository
class AlertSettingsRepository implements SecretStore {

  private final JdbcClient sql;
  private final JsonMapper json;
  private final SecretCipher cipher;
  private final TransactionTemplate transactions;

  AlertSettingsRepository(
      JdbcClient sql, JsonMapper json, SecretCipher cipher, TransactionTemplate transactions) {
    this.sql = sql;
    this.json = json;
    this.cipher = cipher;
    this.transactions = transactions;
  }

  AlertSettings load() {
    // reveal: a row written before secrets were encrypted still reads.
    return stored("")
        .map(stored -> AlertSecrets.map(stored, cipher::reveal))
        .orElseGet(AlertSettings::defaults);
  }

  void save(AlertSettings settings) {
    write(AlertSecrets.map(settings, cipher::encrypt));
  }

  @Override
  public String table() {
    return "alert_config";
  }

  @Override
  public int rewrite(BiFunction<String, SecretContext, String> rewrite) {
    return transactions.execute(
        status -> {
          AlertSettings stored = stored(" FOR UPDATE").orElse(null);
          if (stored == null) {
            return 0;
          }
          int[] changed = {0};
          AlertSettings rewritten =
              AlertSecrets.map(
                  stored,
                  (secret, context) -> {
                    String result = rewrite.apply(secret, context);
                    if (!result.equals(secret)) {
                      changed[0]++;
                    }
                    return result;
                  });
          if (changed[0] > 0) {
            write(rewritten);
          }
          return changed[0];
        });
  }

  /** The row as stored, secrets encrypted. */
  private Optional<AlertSettings> stored(String lock) {
    return sql.sql("SELECT config::text FROM alert_config WHERE id = 1" + lock)
        .query(String.class)
        .optional()
        .map(text -> json.readValue(text, AlertSettings.class));
  }

  private void write(AlertSettings settings) {
    sql.sql(
            """
            INSERT INTO alert_config (id, config, updated_at) VALUES (1, CAST(? AS jsonb), now())
            ON CONFLICT (id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()
            """)
        .param(json.writeValueAsString(settings))
        .update();
  }
}
