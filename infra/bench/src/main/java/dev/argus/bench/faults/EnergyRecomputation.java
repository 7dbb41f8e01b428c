package dev.argus.bench.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The processor's energy rule, recomputed offline from stored snapshots so that the totals the
 * pipeline wrote can be checked against it: the trapezoidal integral {@code (p1 + p2) / 2 × Δt} in
 * watt-hours between consecutive points, a point being a successful snapshot with a finite,
 * non-negative {@code power_watts}; a point not newer than the last is ignored; two points further
 * apart than the maximum gap are not integrated (integration resumes from the later one). Written
 * here again on purpose: a check that called the processor's own integrator could not find a fault
 * in it.
 */
public final class EnergyRecomputation {

  /** One stored snapshot: its time, its power (null when not reported) and its poll error. */
  public record Snapshot(Instant at, Double watts, String error) {}

  /** The processor's default ENERGY_MAX_GAP; the harness's readings are seconds apart anyway. */
  static final Duration ENERGY_MAX_GAP = Duration.ofMinutes(15);

  /**
   * Every device's stored total against its recomputation.
   *
   * @param devices devices with snapshots
   * @param differing devices whose total differs by more than {@link
   *     ScenarioRow#ENERGY_TOLERANCE_WH} (or has no row)
   * @param maxDifferenceWh the largest |stored - recomputed| of one device
   * @param storedWh the stored totals, summed
   * @param recomputedWh the recomputed totals, summed
   */
  record Comparison(
      long devices, long differing, double maxDifferenceWh, double storedWh, double recomputedWh) {}

  private EnergyRecomputation() {}

  /**
   * Compares each device's stored total ({@code energy_totals}) with the recomputation from its
   * stored snapshots.
   */
  static Comparison compare(
      Map<String, List<Snapshot>> snapshotsByDevice, Map<String, Double> storedWhByDevice) {
    long differing = 0;
    double maxDifference = 0;
    double storedWh = 0;
    double recomputedWh = 0;
    for (Map.Entry<String, List<Snapshot>> device : snapshotsByDevice.entrySet()) {
      double recomputed = whTotal(device.getValue(), ENERGY_MAX_GAP);
      Double stored = storedWhByDevice.get(device.getKey());
      double difference = stored == null ? recomputed : Math.abs(stored - recomputed);
      if (stored == null || difference > ScenarioRow.ENERGY_TOLERANCE_WH) {
        differing++;
      }
      maxDifference = Math.max(maxDifference, difference);
      storedWh += stored == null ? 0 : stored;
      recomputedWh += recomputed;
    }
    return new Comparison(
        snapshotsByDevice.size(), differing, maxDifference, storedWh, recomputedWh);
  }

  /** Watt-hours of one device's snapshots, in any order. */
  public static double whTotal(List<Snapshot> snapshots, Duration maxGap) {
    List<Snapshot> points =
        snapshots.stream()
            .filter(s -> s.error() == null && s.watts() != null)
            .filter(s -> Double.isFinite(s.watts()) && s.watts() >= 0)
            .sorted(Comparator.comparing(Snapshot::at))
            .toList();
    double wh = 0;
    Snapshot last = null;
    for (Snapshot point : points) {
      if (last != null && !point.at().isAfter(last.at())) {
        continue;
      }
      if (last != null) {
        Duration interval = Duration.between(last.at(), point.at());
        if (interval.compareTo(maxGap) <= 0) {
          wh += (last.watts() + point.watts()) / 2 * interval.toNanos() / 3.6e12;
        }
      }
      last = point;
    }
    return wh;
  }
}
