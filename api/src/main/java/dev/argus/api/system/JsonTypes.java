package dev.argus.api.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a JSON value bound to a Java type must look like, in words a client can act on. */
final class JsonTypes {

  private static final Set<Class<?>> INTEGERS =
      Set.of(
          int.class,
          Integer.class,
          long.class,
          Long.class,
          short.class,
          Short.class,
          byte.class,
          Byte.class,
          BigInteger.class);
  private static final Set<Class<?>> NUMBERS =
      Set.of(double.class, Double.class, float.class, Float.class, BigDecimal.class, Number.class);

  private JsonTypes() {}

  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (INTEGERS.contains(type)) {
      return "must be an integer";
    }
    if (NUMBERS.contains(type)) {
      return "must be a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "must be a date-time like 2026-05-27T12:00:00Z";
    }
    if (type == LocalDate.class) {
      return "must be a date like 2026-05-27";
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be a list";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "must be an object";
    }
    return "must be a valid " + type.getSimpleName();
  }

  /** For a number too large (or small) for the field. */
  static String range(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class || type == Long.class) {
      return "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return "is out of range"
        + (type == null ? "" : " for " + expected(type).replace("must be ", ""));
  }
}
