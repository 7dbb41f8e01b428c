package dev.argus.bench.faults;

import java.util.Map;

/**
 * What the soak sees at one moment.
 *
 * @param seconds since the load started
 * @param lagByGroup each consumer group's lag: records on its topics' partitions past its committed
 *     offsets
 * @param memoryKib each process's memory (RSS of a JVM, PSS of PostgreSQL), KiB
 * @param databaseBytes {@code pg_database_size} of the stack's database
 * @param storedReadings rows of the soak's fleet in {@code power_snapshots}
 */
record SoakSample(
    double seconds,
    Map<String, Long> lagByGroup,
    Map<String, Long> memoryKib,
    long databaseBytes,
    long storedReadings) {

  SoakSample {
    lagByGroup = Map.copyOf(lagByGroup);
    memoryKib = Map.copyOf(memoryKib);
  }

  long totalLag() {
    return lagByGroup.values().stream().mapToLong(Long::longValue).sum();
  }
}
