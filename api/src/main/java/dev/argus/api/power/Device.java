package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A configured device, as the seed's device item.
 *
 * @param connectionConfig poller settings with every credential removed (see {@link
 *     ConnectionConfigs#withoutSecrets})
 * @param lastSeen when the device last answered a poll; null if never
 * @param collectorId the collector that polls it; null when any collector may
 */
public record Device(
    String id,
    String name,
    String type,
    String poller,
    String host,
    Integer port,
    boolean enabled,
    @JsonProperty("connection_config") Map<String, Object> connectionConfig,
    String model,
    String firmware,
    String serial,
    String manufacturer,
    @JsonProperty("last_seen") Instant lastSeen,
    @JsonProperty("collector_id") String collectorId) {}
