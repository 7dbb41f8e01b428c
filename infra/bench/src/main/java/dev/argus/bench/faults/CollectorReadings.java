package dev.argus.bench.faults;

import dev.argus.contract.Topics;
import dev.argus.contract.power.PowerReading;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The readings a real collector published for a fleet, as read from {@code argus.readings.power}
 * ({@code read_committed}), and what they say about its schedule: doubled polls, gaps, the interval
 * between polls, which collector read which device.
 */
final class CollectorReadings {

  /** One record of the topic: the poll's natural key, its outcome and who took it. */
  record Reading(String deviceId, Instant at, boolean succeeded, String collectorId) {

    SteadyLoad.ReadingKey key() {
      return new SteadyLoad.ReadingKey(deviceId, at);
    }
  }

  private final List<Reading> all;
  private final Map<String, List<Reading>> byDevice = new TreeMap<>();

  CollectorReadings(Collection<Reading> readings) {
    this.all = List.copyOf(readings);
    for (Reading reading : all) {
      byDevice.computeIfAbsent(reading.deviceId(), d -> new ArrayList<>()).add(reading);
    }
    byDevice.values().forEach(list -> list.sort(Comparator.comparing(Reading::at)));
  }

  /** Every record of the fleet's devices (ids starting with {@code prefix-}) on the topic. */
  static CollectorReadings fromTopic(String bootstrap, String prefix) {
    String start = prefix + "-";
    Predicate<PowerReading> mine = r -> r.deviceId().startsWith(start);
    return new CollectorReadings(
        TopicRecords.keys(
            bootstrap,
            Topics.READINGS_POWER,
            mine,
            r ->
                new Reading(
                    r.deviceId(), storedPrecision(r.timestamp()), r.succeeded(), r.collectorId())));
  }

  /**
   * A timestamp as PostgreSQL keeps it ({@code timestamptz}: microseconds, the JDBC driver rounding
   * the nanoseconds of the collector's clock to the nearest one): a key compared with a stored row
   * must not differ in them.
   */
  static Instant storedPrecision(Instant at) {
    return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  List<Reading> all() {
    return all;
  }

  /** The records of these readings up to {@code bound}, one element a record. */
  List<SteadyLoad.ReadingKey> keysUpTo(Instant bound) {
    return all.stream().filter(r -> !r.at().isAfter(bound)).map(Reading::key).toList();
  }

  /** Records beyond the first of a (device, timestamp): a poll published twice. */
  long duplicates() {
    Set<SteadyLoad.ReadingKey> seen = new HashSet<>();
    return all.stream().filter(r -> !seen.add(r.key())).count();
  }

  /** Successful readings of each device. */
  Map<String, Long> successfulByDevice() {
    Map<String, Long> counts = new TreeMap<>();
    byDevice.forEach(
        (device, list) -> counts.put(device, list.stream().filter(Reading::succeeded).count()));
    return counts;
  }

  /** Devices with at least one reading after {@code since}. */
  Set<String> devicesReadAfter(Instant since) {
    Set<String> devices = new HashSet<>();
    all.stream().filter(r -> r.at().isAfter(since)).forEach(r -> devices.add(r.deviceId()));
    return devices;
  }

  /** The first reading after {@code since}, of any device of {@code devices}. */
  Instant firstAfter(Instant since, Collection<String> devices) {
    return all.stream()
        .filter(r -> r.at().isAfter(since) && devices.contains(r.deviceId()))
        .map(Reading::at)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  /** The collectors that published readings of each device. */
  Map<String, Set<String>> collectorsByDevice() {
    Map<String, Set<String>> collectors = new TreeMap<>();
    all.forEach(
        r -> collectors.computeIfAbsent(r.deviceId(), d -> new HashSet<>()).add(r.collectorId()));
    return collectors;
  }

  /**
   * The longest time between two consecutive readings of one device of {@code devices}, counting
   * only readings within [from, to].
   */
  Duration longestGap(Collection<String> devices, Instant from, Instant to) {
    Duration longest = Duration.ZERO;
    for (List<Instant> times : timesByDevice(devices, from, to).values()) {
      for (int i = 1; i < times.size(); i++) {
        Duration gap = Duration.between(times.get(i - 1), times.get(i));
        if (gap.compareTo(longest) > 0) {
          longest = gap;
        }
      }
    }
    return longest;
  }

  /**
   * The intervals between consecutive readings of each device of {@code devices} within [from, to],
   * sorted: the collector's schedule as it ran.
   */
  List<Duration> intervals(Collection<String> devices, Instant from, Instant to) {
    List<Duration> intervals = new ArrayList<>();
    for (List<Instant> times : timesByDevice(devices, from, to).values()) {
      for (int i = 1; i < times.size(); i++) {
        intervals.add(Duration.between(times.get(i - 1), times.get(i)));
      }
    }
    intervals.sort(Comparator.naturalOrder());
    return intervals;
  }

  /** The {@code q}-quantile (0..1) of sorted durations; zero when there are none. */
  static Duration quantile(List<Duration> sorted, double q) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1));
    return sorted.get(index);
  }

  private Map<String, List<Instant>> timesByDevice(
      Collection<String> devices, Instant from, Instant to) {
    Map<String, List<Instant>> times = new HashMap<>();
    for (String device : devices) {
      List<Instant> list =
          byDevice.getOrDefault(device, List.of()).stream()
              .map(Reading::at)
              .filter(at -> !at.isBefore(from) && !at.isAfter(to))
              .toList();
      times.put(device, list);
    }
    return times;
  }
}
