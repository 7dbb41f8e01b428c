package dev.argus.processor.energy;

import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.power.PowerReading;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The energy rules as a pure function: (previous state, reading) to (new state, totals). No Kafka,
 * no clock, so every case can be tested directly.
 *
 * <p>Energy is the trapezoidal integral of power between consecutive points, a point being a
 * successful reading with a usable {@code power_watts}: {@code (p1 + p2) / 2 × Δt}, in watt-hours.
 *
 * <ul>
 *   <li>The first point of a device only establishes state.
 *   <li>Failed polls, readings without power and impossible power (negative, NaN, infinite) are not
 *       points: they neither integrate nor move the last point, so the next good reading integrates
 *       across them (if the maximum gap allows).
 *   <li>A reading not newer than the last point is ignored, so a duplicate or a late reading can
 *       never count an interval twice.
 *   <li>Two points further apart than {@code maxGap} are not integrated; the gap is counted and the
 *       last point moves on, so integration resumes from the new reading.
 *   <li>The running day total follows UTC days. A trapezoid that spans midnight is split between
 *       the two days in proportion to time, and the previous day's closing total is published
 *       before the new day's, so the per-day store gets both.
 * </ul>
 */
public final class EnergyIntegrator {

  private static final Logger log = LoggerFactory.getLogger(EnergyIntegrator.class);
  private static final double NANOS_PER_HOUR = Duration.ofHours(1).toNanos();

  private final Duration maxGap;

  public EnergyIntegrator(EnergySettings settings) {
    this.maxGap = settings.maxGap();
  }

  /**
   * Applies one reading.
   *
   * @param previous the device's state, null for a device never seen with power
   */
  public Integration onReading(EnergyState previous, PowerReading reading) {
    Double watts = usablePower(reading);
    if (watts == null) {
      return Integration.unchanged(previous);
    }
    Instant at = reading.timestamp();
    LocalDate day = utcDay(at);
    if (previous == null) {
      return Integration.unchanged(new EnergyState(at, watts, 0, day, 0, 0));
    }
    if (!at.isAfter(previous.lastAt())) {
      log.debug(
          "Ignoring reading of {} at {}: not newer than {}",
          reading.deviceId(),
          at,
          previous.lastAt());
      return Integration.unchanged(previous);
    }
    Duration interval = Duration.between(previous.lastAt(), at);
    if (interval.compareTo(maxGap) > 0) {
      log.debug(
          "Not integrating {} of {}: longer than the maximum gap {}",
          interval,
          reading.deviceId(),
          maxGap);
      boolean sameDay = day.equals(previous.day());
      return Integration.unchanged(
          new EnergyState(
              at,
              watts,
              previous.whTotal(),
              day,
              sameDay ? previous.whDay() : 0,
              previous.gapsSkipped() + 1));
    }
    double wh = (previous.lastPowerWatts() + watts) / 2 * interval.toNanos() / NANOS_PER_HOUR;
    double whTotal = previous.whTotal() + wh;
    if (day.equals(previous.day())) {
      var state =
          new EnergyState(at, watts, whTotal, day, previous.whDay() + wh, previous.gapsSkipped());
      return new Integration(state, List.of(total(reading.deviceId(), state)));
    }
    // maxGap is at most a day, so the interval crosses exactly one midnight: the start of `day`.
    Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    double beforeMidnight =
        wh * Duration.between(previous.lastAt(), midnight).toNanos() / interval.toNanos();
    var closingDay =
        new EnergyState(
            at,
            watts,
            whTotal,
            previous.day(),
            previous.whDay() + beforeMidnight,
            previous.gapsSkipped());
    var state =
        new EnergyState(
            at, watts, whTotal, day, Math.max(0, wh - beforeMidnight), previous.gapsSkipped());
    return new Integration(
        state, List.of(total(reading.deviceId(), closingDay), total(reading.deviceId(), state)));
  }

  private static Double usablePower(PowerReading reading) {
    if (!reading.succeeded()) {
      return null;
    }
    Double watts = reading.powerWatts();
    if (watts != null && (!Double.isFinite(watts) || watts < 0)) {
      log.debug("Ignoring power_watts {} of {}", watts, reading.deviceId());
      return null;
    }
    return watts;
  }

  /** The total that describes a device's state: what is published after integrating. */
  static EnergyTotal total(String deviceId, EnergyState state) {
    return new EnergyTotal(
        EnergyTotal.SCHEMA_VERSION,
        deviceId,
        state.lastAt(),
        state.whTotal(),
        state.day(),
        state.whDay(),
        state.lastPowerWatts(),
        state.gapsSkipped());
  }

  private static LocalDate utcDay(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
