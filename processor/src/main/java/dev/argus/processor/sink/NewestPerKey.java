package dev.argus.processor.sink;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Collapses the rows of an upsert to the newest per key. PostgreSQL refuses an upsert that touches
 * the same row twice in one statement, and the batch costs one row per key however many records it
 * holds. Of rows with the same time the later one in the batch wins, as it would in separate
 * batches. The result is sorted by key, so concurrent sinks lock rows in the same order.
 */
final class NewestPerKey {

  private NewestPerKey() {}

  static <T, K extends Comparable<? super K>> Collection<T> of(
      List<T> rows, Function<T, K> key, Function<T, Instant> time) {
    return of(rows, key, Comparator.naturalOrder(), time);
  }

  static <T, K> Collection<T> of(
      List<T> rows, Function<T, K> key, Comparator<? super K> keyOrder, Function<T, Instant> time) {
    Map<K, T> newest = new TreeMap<>(keyOrder);
    for (T row : rows) {
      newest.merge(key.apply(row), row, (a, b) -> time.apply(b).isBefore(time.apply(a)) ? a : b);
    }
    return newest.values();
  }
}
