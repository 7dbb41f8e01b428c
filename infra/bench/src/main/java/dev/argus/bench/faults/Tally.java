package dev.argus.bench.faults;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What arrived against what was expected, by natural key.
 *
 * @param expected distinct keys expected
 * @param stored rows found (a key found twice counts twice)
 * @param missing expected keys not found
 * @param duplicated rows beyond the first of a key (a key found three times counts two)
 * @param unexpected distinct keys found that were never expected
 */
public record Tally(long expected, long stored, long missing, long duplicated, long unexpected) {

  /** Counts {@code found} (one element a row, repeated when a key is stored twice) against keys. */
  public static <K> Tally of(Collection<K> expectedKeys, Collection<K> found) {
    Set<K> expected = new HashSet<>(expectedKeys);
    Map<K, Integer> times = new HashMap<>();
    found.forEach(key -> times.merge(key, 1, Integer::sum));
    long missing = expected.stream().filter(key -> !times.containsKey(key)).count();
    long duplicated = times.values().stream().mapToLong(n -> n - 1L).sum();
    long unexpected = times.keySet().stream().filter(key -> !expected.contains(key)).count();
    return new Tally(expected.size(), found.size(), missing, duplicated, unexpected);
  }

  /** Nothing missing, doubled or invented. */
  public boolean exact() {
    return missing == 0 && duplicated == 0 && unexpected == 0;
  }
}
