package dev.argus.api.users;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a username and a password must be. A password needs 12 characters at least, and at most 72
 * bytes (UTF-8): bcrypt reads no further, so a longer one would give a false sense of strength.
 */
final class Credentials {

  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MAX_PASSWORD_BYTES = 72;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

  private Credentials() {}

  /** The problem with a username, or null when it is fine. */
  static String usernameProblem(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      return "username must be 1 to 64 characters: lower-case letters, digits, '.', '_', '@' or"
          + " '-', starting with a letter or a digit";
    }
    return null;
  }

  /** The problem with a new password named {@code field}, or null when it is fine. */
  static String passwordProblem(String field, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      return field + " must be at least " + MIN_PASSWORD_LENGTH + " characters long";
    }
    if (!fitsBcrypt(password)) {
      return field + " must be at most " + MAX_PASSWORD_BYTES + " bytes long (bcrypt's limit)";
    }
    return null;
  }

  static boolean fitsBcrypt(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
  }
}
