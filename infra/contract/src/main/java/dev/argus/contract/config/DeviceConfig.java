package dev.argus.contract.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device as managed through {@code /api/devices}: PostgreSQL holds it, the api publishes it to
 * the compacted {@code argus.config} topic (key {@link ConfigKeys#device}), collectors poll it.
 *
 * <p>{@code connectionConfig} carries poller settings (SNMP community/version/v3 credentials, OID
 * maps, NUT ups name/username/password). It travels to collectors in full, but the api never
 * returns its secret fields.
 *
 * @param collectorId the collector that polls this device; null lets every collector that accepts
 *     unassigned devices poll it
 */
public record DeviceConfig(
    String id,
    String name,
    String type,
    String poller,
    String host,
    Integer port,
    boolean enabled,
    Map<String, Object> connectionConfig,
    String collectorId) {

  public DeviceConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    connectionConfig =
        connectionConfig == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(connectionConfig));
  }
}
