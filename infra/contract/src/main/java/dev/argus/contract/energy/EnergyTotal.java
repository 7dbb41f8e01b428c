package dev.argus.contract.energy;

import dev.argus.contract.WireIds;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A device's running energy total, as the processor publishes it to the compacted {@code
 * argus.energy} topic (key: device id), at most once per device per emit interval ({@code
 * ENERGY_EMIT_INTERVAL}; a total that closes a UTC day at once).
 *
 * <p>Energy is the trapezoidal integral of power between consecutive successful snapshots; a gap
 * longer than the configured maximum is not integrated (and counted in {@code gapsSkipped}), so a
 * device that was off the air for hours does not get its last power value extrapolated.
 *
 * @param asOf timestamp of the last reading integrated; the sink keeps the newest per device
 * @param whTotal energy since the device was first seen, in watt-hours
 * @param day the UTC day of {@code asOf}
 * @param whDay energy within {@code day} so far, in watt-hours (a trapezoid that spans midnight is
 *     split between the two days in proportion to time)
 */
public record EnergyTotal(
    int schemaVersion,
    String deviceId,
    Instant asOf,
    double whTotal,
    LocalDate day,
    double whDay,
    Double lastPowerWatts,
    long gapsSkipped) {

  public static final int SCHEMA_VERSION = 1;

  public EnergyTotal {
    if (deviceId == null || deviceId.isBlank()) {
      throw new IllegalArgumentException("device_id is required");
    }
    WireIds.requireStorable("device_id", deviceId);
    if (asOf == null || day == null) {
      throw new IllegalArgumentException("as_of and day are required");
    }
    if (!Double.isFinite(whTotal) || whTotal < 0 || !Double.isFinite(whDay) || whDay < 0) {
      throw new IllegalArgumentException("wh_total and wh_day must be finite and not negative");
    }
  }
}
