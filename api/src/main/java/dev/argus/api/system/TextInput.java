package dev.argus.api.system;

import java.util.Optional;

/**
 * The one rule for text that enters the api through a query parameter or a JSON string: it must not
 * hold NUL (U+0000). PostgreSQL cannot store that character in text, so it would otherwise fail
 * deep in a query as a 500; here it is refused up front as a 422 that names the field. {@link
 * QueryParameterFilter} applies it to every query parameter and {@link JsonBodyTextCheck} to every
 * string (and property name) of a JSON body.
 */
final class TextInput {

  static final String NUL_CHARACTERS = "must not contain NUL characters";
  static final String NOT_UTF_8 = "is not valid UTF-8";
  static final String NOT_PERCENT_ENCODED =
      "is not valid percent-encoding (use %XX with two hex digits)";

  private TextInput() {}

  /**
   * What is wrong with {@code value} of {@code field}, as a detail naming the field; empty if fine.
   */
  static Optional<String> problem(String field, String value) {
    return hasNul(value) ? Optional.of(field + ": " + NUL_CHARACTERS) : Optional.empty();
  }

  static boolean hasNul(String value) {
    return value != null && value.indexOf('\u0000') >= 0;
  }

  /** A request whose text breaks the rule; answered 422 with the detail. */
  static final class InvalidTextException extends RuntimeException {
    InvalidTextException(String detail) {
      super(detail);
    }
  }
}
