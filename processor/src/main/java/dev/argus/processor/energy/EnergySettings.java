package dev.argus.processor.energy;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link EnergyTopology} needs to know: its topics and the longest interval it integrates.
 * Plain data, so the topology can be built and tested without Spring or a broker; the service fills
 * it from {@link EnergyProperties}.
 *
 * @param maxGap two points further apart than this are not integrated: nobody knows what the device
 *     drew in between. At most one day, so that one trapezoid spans at most one UTC midnight.
 */
public record EnergySettings(
    Topic<String, PowerReading> readings, Topic<String, EnergyTotal> energy, Duration maxGap) {

  public static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(15);
  public static final Duration LONGEST_MAX_GAP = Duration.ofDays(1);

  public EnergySettings {
    Objects.requireNonNull(readings, "readings topic is required");
    Objects.requireNonNull(energy, "energy topic is required");
    if (maxGap == null
        || maxGap.isNegative()
        || maxGap.isZero()
        || maxGap.compareTo(LONGEST_MAX_GAP) > 0) {
      throw new IllegalArgumentException(
          "maxGap must be positive and at most " + LONGEST_MAX_GAP + ", was " + maxGap);
    }
  }

  /** The default maximum gap on the catalog's topics. */
  public static EnergySettings defaults() {
    return new EnergySettings(Topics.READINGS_POWER, Topics.ENERGY, DEFAULT_MAX_GAP);
  }
}
