package dev.argus.api.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A device's cumulative energy: the seed's {@code kwh_total}, {@code cost_total} and {@code
 * currency}, plus {@code wh_total} at full precision and the time of the last reading integrated.
 */
record EnergyTotal(
    @JsonProperty("device_id") String deviceId,
    @JsonProperty("kwh_total") BigDecimal kwhTotal,
    @JsonProperty("wh_total") double whTotal,
    @JsonProperty("cost_total") BigDecimal costTotal,
    @JsonProperty("currency") String currency,
    @JsonProperty("as_of") Instant asOf) {}
