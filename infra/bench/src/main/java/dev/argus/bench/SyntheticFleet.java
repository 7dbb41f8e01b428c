package dev.argus.bench;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.List;

/**
 * Synthetic UPSes whose readings derive a known number of events: every {@code flipEvery}-th device
 * alternates between {@code OL} and {@code OB} every {@code flipPeriod} readings (one {@code
 * on_battery} or {@code power_restored} per change), the others stay on line. Battery, load and
 * temperature stay far from every limit, and the poll interval is an hour so that no device is
 * found silent during a run: the only events are the flips.
 *
 * @param prefix device ids are {@code prefix-00042}; a fresh prefix per scenario gives the
 *     processor devices it has never seen
 */
public record SyntheticFleet(String prefix, int devices, int flipEvery, int flipPeriod) {

  static final long POLL_INTERVAL_SECONDS = 3600;

  public String deviceId(int device) {
    return String.format("%s-%05d", prefix, device);
  }

  boolean flips(int device) {
    return flipEvery > 0 && device % flipEvery == 0;
  }

  public boolean onBattery(int device, long reading) {
    return flips(device) && (reading / flipPeriod) % 2 == 1;
  }

  /** Events derived from readings 0..readingsPerDevice-1 of every device. */
  public long expectedEvents(long readingsPerDevice) {
    long flipping = flipEvery <= 0 ? 0 : (devices + flipEvery - 1) / flipEvery;
    long changesPerDevice = readingsPerDevice <= 1 ? 0 : (readingsPerDevice - 1) / flipPeriod;
    return flipping * changesPerDevice;
  }

  public PowerReading reading(int device, long reading, Instant timestamp) {
    boolean onBattery = onBattery(device, reading);
    // Load (and with it power) changes every reading, so that an energy total computed from a
    // stream that skipped or doubled a reading differs from one computed from every reading.
    double load = 30 + (device + reading) % 20;
    return new PowerReading(
        PowerReading.SCHEMA_VERSION,
        deviceId(device),
        "ups",
        "nut",
        null,
        "127.0.0.1",
        3493,
        "argus-bench",
        timestamp,
        POLL_INTERVAL_SECONDS,
        null,
        load * 9,
        load,
        onBattery ? 0.0 : 230.0,
        230.0,
        onBattery ? null : 50.0,
        1.5,
        onBattery ? 90.0 : 100.0,
        20.0,
        3600.0,
        onBattery ? "OB DISCHRG" : "OL",
        25.0,
        new DeviceMetadata("BenchCo", "Synthetic 1500", "1.0", "B" + device),
        List.of());
  }
}
