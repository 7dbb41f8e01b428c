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
 * it from {@code streams.EnergyProperties}.
 *
 * @param maxGap two points further apart than this are not integrated: nobody knows what the device
 *     drew in between. At most one day, so that one trapezoid spans at most one UTC midnight.
 * @param emitInterval publish a device's total at most this often (wall clock); totals in between
 *     wait in the store and a punctuation publishes the newest. Zero publishes after every reading.
 *     A total that closes a UTC day is always published at once.
 */
public record EnergySettings(
    Topic<String, PowerReading> readings,
    Topic<String, EnergyTotal> energy,
    Duration maxGap,
    Duration emitInterval) {

  public static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(15);
  public static final Duration LONGEST_MAX_GAP = Duration.ofDays(1);

  public EnergySettings {
    Objects.requireNonNull(readings, "readings topic is required");
    Objects.requireNonNull(energy, "energy topic is required");
    emitInterval = emitInterval == null ? Duration.ZERO : emitInterval;
    if (emitInterval.isNegative()) {
      throw new IllegalArgumentException("emitInterval must not be negative, was " + emitInterval);
    }
    if (maxGap == null
        || maxGap.isNegative()
        || maxGap.isZero()
        || maxGap.compareTo(LONGEST_MAX_GAP) > 0) {
      throw new IllegalArgumentException(
          "maxGap must be positive and at most " + LONGEST_MAX_GAP + ", was " + maxGap);
    }
  }

  /** Publishing a total after every integrated reading. */
  public EnergySettings(
      Topic<String, PowerReading> readings, Topic<String, EnergyTotal> energy, Duration maxGap) {
    this(readings, energy, maxGap, Duration.ZERO);
  }

  /** The default maximum gap on the catalog's topics. */
  public static EnergySettings defaults() {
    return new EnergySettings(Topics.READINGS_POWER, Topics.ENERGY, DEFAULT_MAX_GAP);
  }
}
