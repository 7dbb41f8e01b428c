package dev.argus.api.system;

import java.util.Optional;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a failed binding of well-formed JSON (a value of the wrong type, an unparseable date, a
 * number out of range) into a detail that names the field and what it must be, e.g. {@code
 * "enabled: must be true or false"}. Syntax errors are not described here: they are 400.
 */
public final class JsonInputErrors {

  private JsonInputErrors() {}

  /** The detail for the first binding error in {@code error}'s causes; empty if there is none. */
  public static Optional<String> detail(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof MismatchedInputException mismatch) {
        return Optional.of(
            JsonPaths.of(mismatch.getPath()) + ": " + JsonTypes.expected(mismatch.getTargetType()));
      }
      if (cause instanceof InputCoercionException outOfRange) {
        return Optional.of(
            JsonPaths.of(outOfRange.getPath())
                + ": "
                + JsonTypes.range(outOfRange.getTargetType()));
      }
    }
    return Optional.empty();
  }
}
