package dev.argus.stack.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A UPS whose state is a function of time, so a demo shows real transitions: mains failures that
 * drain the battery to the low and shutdown marks and recover, load and temperature swings across
 * their limits, and a driver that drops out for a while.
 *
 * @param cycle length of one repetition of the scenario
 * @param offset where in the cycle this UPS starts, so the fleet does not move in lockstep
 * @param outage part of the cycle on battery ({@code null}: never)
 * @param driverLost part of the cycle when the driver answers nothing ({@code null}: never)
 * @param loadBase mean load in percent; {@code loadSwing} its amplitude
 */
public record SimulatedUps(
    String name,
    String description,
    String model,
    String serial,
    double nominalWatts,
    Duration cycle,
    Duration offset,
    Window outage,
    Window driverLost,
    double loadBase,
    double loadSwing,
    double temperatureBase,
    double temperatureSwing) {

  static final double CHARGE_LOW = 25;
  private static final double DRAIN_PER_SECOND = 1.6;
  private static final double CHARGE_PER_SECOND = 1.0;

  /** A part of the scenario cycle, in seconds from its start. */
  public record Window(long fromSecond, long toSecond) {
    boolean contains(long second) {
      return second >= fromSecond && second < toSecond;
    }
  }

  /** The NUT variables the UPS reports at {@code now}, or empty while its driver is lost. */
  public Optional<Map<String, String>> variablesAt(Instant now, Instant epoch) {
    long cycleSeconds = cycle.toSeconds();
    long elapsed = Duration.between(epoch, now).toSeconds() + offset.toSeconds();
    long second = Math.floorMod(elapsed, cycleSeconds);
    if (driverLost != null && driverLost.contains(second)) {
      return Optional.empty();
    }
    double phase = 2 * Math.PI * second / cycleSeconds;
    double load = clamp(loadBase + loadSwing * Math.sin(phase), 1, 100);
    double temperature = temperatureBase + temperatureSwing * Math.sin(phase + Math.PI / 3);
    double battery = batteryAt(second);
    boolean onBattery = outage != null && outage.contains(second);
    String status;
    if (onBattery) {
      status = battery <= CHARGE_LOW ? "OB DISCHRG LB" : "OB DISCHRG";
    } else {
      status = battery < 100 ? "OL CHRG" : "OL";
    }
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("device.mfr", "Argus Demo");
    vars.put("device.model", model);
    vars.put("device.serial", serial);
    vars.put("device.type", "ups");
    vars.put("ups.mfr", "Argus Demo");
    vars.put("ups.model", model);
    vars.put("ups.serial", serial);
    vars.put("ups.firmware", "2.1.0");
    vars.put("ups.status", status);
    vars.put("ups.load", format(load));
    vars.put("ups.realpower.nominal", format(nominalWatts));
    vars.put("ups.realpower", format(nominalWatts * load / 100));
    vars.put("ups.temperature", format(temperature));
    vars.put("battery.charge", format(battery));
    vars.put("battery.charge.low", format(CHARGE_LOW));
    vars.put("battery.runtime", format(battery / 100 * 3600 * (50 / Math.max(load, 5))));
    vars.put("input.voltage", onBattery ? "0.0" : format(229 + 3 * Math.cos(phase * 7)));
    vars.put("input.frequency", onBattery ? "0.0" : "50.0");
    vars.put("output.voltage", "230.0");
    vars.put("output.current", format(nominalWatts * load / 100 / 230));
    return Optional.of(vars);
  }

  /** Battery charge: full until the outage, drained during it, recharged after it. */
  private double batteryAt(long second) {
    if (outage == null || second < outage.fromSecond()) {
      return 100;
    }
    long drained = Math.min(second, outage.toSecond()) - outage.fromSecond();
    double lowest = clamp(100 - DRAIN_PER_SECOND * drained, 3, 100);
    if (second < outage.toSecond()) {
      return round(lowest);
    }
    return round(clamp(lowest + CHARGE_PER_SECOND * (second - outage.toSecond()), 0, 100));
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String format(double v) {
    return Double.toString(round(v));
  }
}
