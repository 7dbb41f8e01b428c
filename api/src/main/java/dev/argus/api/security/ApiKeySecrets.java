package dev.argus.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes new keys and the hashes they are stored as. A key is {@code argus_} followed by 32 random
 * bytes (base64url); its first {@value #PREFIX_LENGTH} characters are kept in clear as a prefix so
 * people can tell keys apart. SHA-256 suffices as the hash: a 256-bit random key cannot be guessed,
 * so a slow password hash would only slow every request.
 */
final class ApiKeySecrets {

  static final String KEY_START = "argus_";
  static final int PREFIX_LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeySecrets() {}

  static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String prefixOf(String key) {
    return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
  }

  static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Compares without leaking, through timing, how much of the presented key was right. */
  static boolean sameKey(String presented, String expected) {
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
