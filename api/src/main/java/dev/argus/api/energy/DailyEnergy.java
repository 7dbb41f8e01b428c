package dev.argus.api.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Energy of one device within one UTC day. */
record DailyEnergy(
    @JsonProperty("device_id") String deviceId,
    @JsonProperty("day") LocalDate day,
    @JsonProperty("kwh") BigDecimal kwh,
    @JsonProperty("wh") double wh,
    @JsonProperty("cost") BigDecimal cost,
    @JsonProperty("currency") String currency) {}
