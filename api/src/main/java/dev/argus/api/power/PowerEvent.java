package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A power event derived by the processor, as the seed's event item plus its {@code severity}
 * ({@code low}, {@code medium}, {@code high}, {@code critical}).
 *
 * @param metadata what the event was derived from, e.g. {@code previous_status}
 */
public record PowerEvent(
    long id,
    Instant timestamp,
    @JsonProperty("device_id") String deviceId,
    @JsonProperty("event_type") String eventType,
    Map<String, Object> metadata,
    String severity) {}
