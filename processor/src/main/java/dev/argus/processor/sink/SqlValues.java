package dev.argus.processor.sink;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values as the sink binds them: instants in UTC, text without the NUL PostgreSQL refuses. */
final class SqlValues {

  private SqlValues() {}

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** PostgreSQL text cannot hold NUL; a device that sends one must not block the sink. */
  static String text(String value) {
    return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
  }

  /** The value with NUL removed from every string in it, keys of maps included. */
  static Object withoutNulChars(Object value) {
    if (value instanceof String s) {
      return text(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> clean = new LinkedHashMap<>();
      map.forEach((k, v) -> clean.put(text(String.valueOf(k)), withoutNulChars(v)));
      return clean;
    }
    if (value instanceof Collection<?> list) {
      List<Object> clean = new ArrayList<>();
      list.forEach(v -> clean.add(withoutNulChars(v)));
      return clean;
    }
    return value;
  }
}
