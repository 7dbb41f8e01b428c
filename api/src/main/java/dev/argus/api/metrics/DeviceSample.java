package dev.argus.api.metrics;

import java.time.Instant;

/**
 * What {@code /metrics} shows of one device: its newest successful snapshot (values null when the
 * device did not report them or has no snapshot), its energy total and when it was last seen.
 */
record DeviceSample(
    String deviceId,
    Double powerWatts,
    Double loadPercent,
    Double batteryChargePercent,
    Double batteryRuntimeSeconds,
    Double inputVoltageVolts,
    Double temperatureCelsius,
    String upsStatus,
    Double energyWhTotal,
    Instant lastSeen) {}
