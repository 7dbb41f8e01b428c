package dev.argus.api.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns device samples into Prometheus metric snapshots: one gauge per reading with a {@code
 * device_id} label, the UPS status as a state set in the style of nut_exporter (one series per
 * known flag, 1 when the status holds it), the energy counter and the last-seen time. A device that
 * did not report a value has no series for it, rather than a misleading 0.
 */
final class PowerMetrics {

  /** The NUT status flags exposed, as in nut_exporter's default set. */
  static final List<String> STATUS_FLAGS =
      List.of(
          "OL", "OB", "LB", "HB", "RB", "CHRG", "DISCHRG", "BYPASS", "CAL", "OFF", "OVER", "TRIM",
          "BOOST", "FSD");

  private PowerMetrics() {}

  static MetricSnapshots of(List<DeviceSample> samples) {
    List<MetricSnapshot> metrics = new ArrayList<>();
    metrics.add(
        gauge(
            "argus_ups_power_watts",
            "Real power drawn, in watts",
            samples,
            DeviceSample::powerWatts));
    metrics.add(
        gauge(
            "argus_ups_load_percent",
            "Load, in percent of capacity",
            samples,
            DeviceSample::loadPercent));
    metrics.add(
        gauge(
            "argus_ups_battery_charge_percent",
            "Battery charge, in percent",
            samples,
            DeviceSample::batteryChargePercent));
    metrics.add(
        gauge(
            "argus_ups_battery_runtime_seconds",
            "Estimated battery runtime, in seconds",
            samples,
            DeviceSample::batteryRuntimeSeconds));
    metrics.add(
        gauge(
            "argus_ups_input_voltage_volts",
            "Input voltage, in volts",
            samples,
            DeviceSample::inputVoltageVolts));
    metrics.add(
        gauge(
            "argus_ups_temperature_celsius",
            "Temperature, in degrees Celsius",
            samples,
            DeviceSample::temperatureCelsius));
    metrics.add(status(samples));
    metrics.add(energy(samples));
    metrics.add(
        gauge(
            "argus_device_last_seen_timestamp_seconds",
            "When the device last answered a poll, in seconds since the epoch",
            samples,
            sample ->
                sample.lastSeen() == null ? null : sample.lastSeen().toEpochMilli() / 1000.0));
    return new MetricSnapshots(metrics);
  }

  private static GaugeSnapshot gauge(
      String name, String help, List<DeviceSample> samples, Function<DeviceSample, Double> value) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    for (DeviceSample sample : samples) {
      Double v = value.apply(sample);
      if (v != null) {
        gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(device(sample)).value(v).build());
      }
    }
    return gauge.build();
  }

  private static GaugeSnapshot status(List<DeviceSample> samples) {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("argus_ups_status")
            .help(
                "UPS status flags of the newest snapshot (1 when the flag is set, e.g. OL, OB,"
                    + " LB)");
    for (DeviceSample sample : samples) {
      if (sample.upsStatus() == null) {
        continue;
      }
      Set<String> flags = new HashSet<>(Arrays.asList(sample.upsStatus().trim().split("\\s+")));
      for (String flag : STATUS_FLAGS) {
        gauge.dataPoint(
            GaugeDataPointSnapshot.builder()
                .labels(Labels.of("device_id", sample.deviceId(), "flag", flag))
                .value(flags.contains(flag) ? 1 : 0)
                .build());
      }
    }
    return gauge.build();
  }

  private static CounterSnapshot energy(List<DeviceSample> samples) {
    // The writer appends _total to a counter's name.
    CounterSnapshot.Builder counter =
        CounterSnapshot.builder()
            .name("argus_energy_wh")
            .help("Energy drawn since the device was first seen, in watt-hours");
    for (DeviceSample sample : samples) {
      if (sample.energyWhTotal() != null) {
        counter.dataPoint(
            CounterDataPointSnapshot.builder()
                .labels(device(sample))
                .value(sample.energyWhTotal())
                .build());
      }
    }
    return counter.build();
  }

  private static Labels device(DeviceSample sample) {
    return Labels.of("device_id", sample.deviceId());
  }
}
