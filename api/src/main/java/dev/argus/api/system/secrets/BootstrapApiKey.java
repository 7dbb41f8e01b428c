package dev.argus.api.system.secrets;

/**
 * The rule for the bootstrap admin key ({@code API_KEY}): absent or blank means no key, a key that
 * is set must be long enough to resist guessing. Here rather than in {@code security} because
 * {@code ApiApplication} checks it before Spring starts, and the application package may depend on
 * {@code system} alone.
 */
public final class BootstrapApiKey {

  public static final int MIN_LENGTH = 32;

  private BootstrapApiKey() {}

  /** A blank or absent key is no key; a key that is set must be long enough. */
  public static void check(String apiKey) {
    if (apiKey != null && !apiKey.isBlank() && apiKey.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "API_KEY must be at least "
              + MIN_LENGTH
              + " characters long (it has "
              + apiKey.length()
              + "); generate one with: openssl rand -hex 32");
    }
  }
}
