package dev.argus.api.system.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The time filters of the history: an ISO-8601 date-time with an offset ({@code
 * 2026-05-27T12:00:00Z}), one without (read as UTC) or a date (a whole UTC day).
 */
public final class Timestamps {

  private Timestamps() {}

  /** The start of what {@code text} names; null for no value. */
  public static Instant from(String name, String text) {
    return parse(name, text, false);
  }

  /** The end of what {@code text} names (a date: its last microsecond); null for no value. */
  public static Instant until(String name, String text) {
    return parse(name, text, true);
  }

  private static Instant parse(String name, String text, boolean end) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      // Try the other spellings.
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // Try a date.
    }
    try {
      LocalDate date = LocalDate.parse(value);
      return end
          ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1_000)
          : date.atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          name
              + " must be a date-time like 2026-05-27T12:00:00Z or a date like 2026-05-27, got '"
              + text
              + "'");
    }
  }
}
