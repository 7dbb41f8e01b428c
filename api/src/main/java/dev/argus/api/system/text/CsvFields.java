package dev.argus.api.system.text;

import java.math.BigDecimal;

/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, quote, CR or LF (or leading or
 * trailing space), quotes doubled. Text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets a leading apostrophe, since a provider's error message is text
 * Argus did not write (CSV injection). Numbers are written plainly, never in exponent form.
 */
public final class CsvFields {

  private CsvFields() {}

  public static String of(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double number) {
      return number.isNaN() || number.isInfinite()
          ? number.toString()
          : BigDecimal.valueOf(number).toPlainString();
    }
    if (value instanceof Number || value instanceof java.util.UUID) {
      return value.toString();
    }
    return quoted(defused(value.toString()));
  }

  private static String defused(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + text
        : text;
  }

  private static String quoted(String text) {
    boolean needsQuotes =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || (!text.isEmpty()
                && (Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1))));
    return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
