package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(nullable = true) String host,
    @Schema(nullable = true) Integer port,
    boolean enabled,
    @JsonProperty("connection_config") Map<String, Object> connectionConfig,
    @Schema(nullable = true) String model,
    @Schema(nullable = true) String firmware,
    @Schema(nullable = true) String serial,
    @Schema(nullable = true) String manufacturer,
    @Schema(nullable = true) @JsonProperty("last_seen") Instant lastSeen,
    @Schema(nullable = true) @JsonProperty("collector_id") String collectorId) {}
