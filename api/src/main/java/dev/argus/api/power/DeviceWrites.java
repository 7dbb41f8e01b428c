package dev.argus.api.power;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.api.system.secrets.SecretStore;
import dev.argus.contract.WireJson;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import dev.argus.contract.config.DeviceConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes {@code devices} and queues each change for {@code argus.config} in the same transaction
 * (the outbox), so the collectors' view follows PostgreSQL exactly. Only the managed columns are
 * written; {@code last_seen} and the metadata (model, firmware, ...) stay the sink's.
 *
 * <p>Credentials are never returned by GET, so a client that reads a device, edits it and puts it
 * back sends no credentials: a credential key (see {@link ConnectionConfigs#isSecret}) that the new
 * {@code connection_config} leaves out keeps its stored value; sending it as null removes it.
 *
 * <p>Credentials are encrypted before they are written ({@link SecretCipher}, bound to the device
 * and key): the table, the outbox and {@code argus.config} hold only envelopes, which the collector
 * decrypts.
 */
@Component
class DeviceWrites implements SecretStore {

  /** Outcome of an update or delete of one device. */
  enum Result {
    DONE,
    NOT_FOUND
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ConfigOutbox outbox;
  private final SecretCipher cipher;

  DeviceWrites(
      JdbcClient jdbc, TransactionTemplate transactions, ConfigOutbox outbox, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.outbox = outbox;
    this.cipher = cipher;
  }

  /** Creates a device; false when the id is taken. */
  boolean create(DeviceRequest device) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              Map<String, Object> config = protectedConfig(device, Map.of());
              int inserted =
                  jdbc.sql(
                          """
                          INSERT INTO devices (id, name, type, poller, host, port, enabled,
                              connection_config, collector_id, updated_at)
                          VALUES (:id, :name, :type, :poller, :host, :port, :enabled,
                              CAST(:config AS jsonb), :collectorId, now())
                          ON CONFLICT (id) DO NOTHING
                          """)
                      .params(columns(device, config))
                      .update();
              if (inserted == 0) {
                return false;
              }
              publish(device, config);
              return true;
            }));
  }

  Result update(DeviceRequest device) {
    return transactions.execute(
        status -> {
          Optional<Map<String, Object>> stored = lockedConnectionConfig(device.id());
          if (stored.isEmpty()) {
            return Result.NOT_FOUND;
          }
          Map<String, Object> config = protectedConfig(device, stored.get());
          jdbc.sql(
                  """
                  UPDATE devices SET name = :name, type = :type, poller = :poller, host = :host,
                      port = :port, enabled = :enabled, connection_config = CAST(:config AS jsonb),
                      collector_id = :collectorId, updated_at = now()
                  WHERE id = :id
                  """)
              .params(columns(device, config))
              .update();
          publish(device, config);
          return Result.DONE;
        });
  }

  Result delete(String id) {
    return transactions.execute(
        status -> {
          int deleted = jdbc.sql("DELETE FROM devices WHERE id = :id").param("id", id).update();
          if (deleted == 0) {
            return Result.NOT_FOUND;
          }
          outbox.append(ConfigKeys.device(id), null);
          return Result.DONE;
        });
  }

  /**
   * Makes {@code devices} exactly the given list: others are deleted (tombstones), listed ones
   * created or updated, all in one transaction.
   */
  void replaceAll(List<DeviceRequest> devices) {
    transactions.executeWithoutResult(
        status -> {
          // Blocks concurrent creates (and the sink's last_seen upserts) for the moment of the
          // swap, so a device created meanwhile cannot survive a replacement that did not list it.
          jdbc.sql("LOCK TABLE devices IN SHARE ROW EXCLUSIVE MODE").update();
          Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
          jdbc.sql("SELECT id, connection_config FROM devices ORDER BY id")
              .query(
                  rs -> {
                    stored.put(rs.getString("id"), Columns.jsonObject(rs, "connection_config"));
                  });
          Set<String> kept = new HashSet<>();
          devices.forEach(device -> kept.add(device.id()));
          for (String id : stored.keySet()) {
            if (!kept.contains(id)) {
              jdbc.sql("DELETE FROM devices WHERE id = :id").param("id", id).update();
              outbox.append(ConfigKeys.device(id), null);
            }
          }
          for (DeviceRequest device : devices) {
            Map<String, Object> config =
                protectedConfig(device, stored.getOrDefault(device.id(), Map.of()));
            jdbc.sql(
                    """
                    INSERT INTO devices (id, name, type, poller, host, port, enabled,
                        connection_config, collector_id, updated_at)
                    VALUES (:id, :name, :type, :poller, :host, :port, :enabled,
                        CAST(:config AS jsonb), :collectorId, now())
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
                        poller = excluded.poller, host = excluded.host, port = excluded.port,
                        enabled = excluded.enabled, connection_config = excluded.connection_config,
                        collector_id = excluded.collector_id, updated_at = now()
                    """)
                .params(columns(device, config))
                .update();
            publish(device, config);
          }
        });
  }

  @Override
  public String table() {
    return "devices";
  }

  /** Rewrites the credentials of every device, republishing each device that changed. */
  @Override
  public int rewrite(BiFunction<String, SecretContext, String> rewrite) {
    return transactions.execute(
        status -> {
          int changed = 0;
          for (DeviceConfig device : lockedDevices()) {
            int[] rewritten = {0};
            Map<String, Object> config =
                ConnectionConfigs.mapSecrets(
                    device.id(),
                    device.connectionConfig(),
                    (secret, context) -> {
                      String result = rewrite.apply(secret, context);
                      rewritten[0] += result.equals(secret) ? 0 : 1;
                      return result;
                    });
            if (rewritten[0] > 0) {
              changed += rewritten[0];
              jdbc.sql(
                      "UPDATE devices SET connection_config = CAST(:config AS jsonb)"
                          + " WHERE id = :id")
                  .param("config", WireJson.MAPPER.writeValueAsString(config))
                  .param("id", device.id())
                  .update();
              outbox.append(
                  ConfigKeys.device(device.id()),
                  ConfigEntry.of(
                      new DeviceConfig(
                          device.id(),
                          device.name(),
                          device.type(),
                          device.poller(),
                          device.host(),
                          device.port(),
                          device.enabled(),
                          config,
                          device.collectorId())));
            }
          }
          return changed;
        });
  }

  /** Every device as published, locked until the end of the transaction. */
  private List<DeviceConfig> lockedDevices() {
    return jdbc.sql(
            """
            SELECT id, name, type, poller, host, port, enabled, connection_config, collector_id
            FROM devices ORDER BY id FOR UPDATE
            """)
        .query(
            (rs, row) ->
                new DeviceConfig(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("type"),
                    rs.getString("poller"),
                    rs.getString("host"),
                    Columns.nullableInteger(rs, "port"),
                    rs.getBoolean("enabled"),
                    Columns.jsonObject(rs, "connection_config"),
                    rs.getString("collector_id")))
        .list();
  }

  /**
   * The connection_config to store for {@code device}: its credentials encrypted, the stored ones
   * it leaves out kept (encrypted too, should an older version have stored them in plain).
   */
  private Map<String, Object> protectedConfig(DeviceRequest device, Map<String, Object> stored) {
    Map<String, Object> requested =
        device.connectionConfig() == null ? Map.of() : device.connectionConfig();
    // A value from the request is always plaintext (GET never shows an envelope), so it is
    // encrypted even if it looked like one; kept values are only encrypted when still plain.
    Map<String, Object> encrypted =
        ConnectionConfigs.mapSecrets(device.id(), requested, cipher::encrypt);
    return ConnectionConfigs.mapSecrets(device.id(), merged(encrypted, stored), cipher::protect);
  }

  private Optional<Map<String, Object>> lockedConnectionConfig(String id) {
    return jdbc.sql("SELECT connection_config FROM devices WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, row) -> Columns.jsonObject(rs, "connection_config"))
        .optional();
  }

  private void publish(DeviceRequest device, Map<String, Object> config) {
    outbox.append(
        ConfigKeys.device(device.id()),
        ConfigEntry.of(
            new DeviceConfig(
                device.id(),
                device.name().strip(),
                device.typeOrDefault(),
                device.pollerOrDefault(),
                device.host().strip(),
                device.portOrDefault(),
                device.enabledOrDefault(),
                config,
                device.collectorIdOrNull())));
  }

  /** The new settings plus stored credentials the new ones leave out, minus null credentials. */
  static Map<String, Object> merged(Map<String, Object> requested, Map<String, Object> stored) {
    Map<String, Object> config = new LinkedHashMap<>(requested == null ? Map.of() : requested);
    stored.forEach(
        (key, value) -> {
          if (ConnectionConfigs.isSecret(key) && !config.containsKey(key)) {
            config.put(key, value);
          }
        });
    config.entrySet().removeIf(e -> e.getValue() == null && ConnectionConfigs.isSecret(e.getKey()));
    return config;
  }

  private static Map<String, Object> columns(DeviceRequest device, Map<String, Object> config) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("id", device.id());
    columns.put("name", device.name().strip());
    columns.put("type", device.typeOrDefault());
    columns.put("poller", device.pollerOrDefault());
    columns.put("host", device.host().strip());
    columns.put("port", device.portOrDefault());
    columns.put("enabled", device.enabledOrDefault());
    columns.put("config", WireJson.MAPPER.writeValueAsString(config));
    columns.put("collectorId", device.collectorIdOrNull());
    return columns;
  }
}
