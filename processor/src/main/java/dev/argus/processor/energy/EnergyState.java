package dev.argus.processor.energy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the energy integration remembers about one device between readings, kept in the topology's
 * {@value EnergyTopology#ENERGY_STATE_STORE} store (JSON, key: device id).
 *
 * @param lastAt event time of the last point: the newest reading with a usable power value
 * @param lastPowerWatts power at {@code lastAt}, the left edge of the next trapezoid
 * @param whTotal energy integrated since the device was first seen, in watt-hours
 * @param day the UTC day of {@code lastAt}
 * @param whDay energy integrated within {@code day}, in watt-hours
 * @param gapsSkipped intervals longer than the maximum gap that were not integrated
 */
public record EnergyState(
    Instant lastAt,
    double lastPowerWatts,
    double whTotal,
    LocalDate day,
    double whDay,
    long gapsSkipped) {}
