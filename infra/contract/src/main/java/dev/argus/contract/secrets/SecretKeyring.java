package dev.argus.contract.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys of {@code ARGUS_SECRET_KEY}: comma-separated entries, <b>newest first</b>, each
 * {@code [keyId:]base64(32 random bytes)}, e.g. {@code 2026b:q1w2...=,2026a:z9x8...=}. The newest
 * key encrypts; every key decrypts, so a rotation adds a key in front and removes the old one once
 * the stored secrets are re-encrypted. An entry without an id (the output of {@code openssl rand
 * -base64 32} alone) gets {@code k} plus the first 8 hex digits of the key's SHA-256 as its id, a
 * check value that reveals nothing useful about a 256-bit key.
 */
public final class SecretKeyring {

  /** The environment variable every service reads the keys from. */
  public static final String SETTING = "ARGUS_SECRET_KEY";

  static final String HOW_TO_MAKE = "make one with: openssl rand -base64 32";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
  private static final int KEY_BYTES = 32;

  private final String newestId;
  private final Map<String, SecretKey> keys;

  private SecretKeyring(String newestId, Map<String, SecretKey> keys) {
    this.newestId = newestId;
    this.keys = keys;
  }

  /**
   * @param setting the value of {@code ARGUS_SECRET_KEY}
   * @param settingName how the caller calls the setting in its messages (e.g. {@code
   *     argus.secrets.keys (ARGUS_SECRET_KEY)})
   * @throws InvalidSecretKeyException naming the setting and the entry (by position, never by
   *     content) that is wrong
   */
  public static SecretKeyring parse(String setting, String settingName) {
    if (setting == null || setting.isBlank()) {
      throw new InvalidSecretKeyException(
          settingName
              + " is not set: it holds the 256-bit key that encrypts stored and published"
              + " secrets; "
              + HOW_TO_MAKE);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>(List.of(setting.split(",", -1)));
    for (int i = 0; i < entries.size(); i++) {
      String where = settingName + " entry " + (i + 1) + " of " + entries.size();
      String entry = entries.get(i).strip();
      if (entry.isEmpty()) {
        throw new InvalidSecretKeyException(
            where + " is empty; entries are [keyId:]base64key separated by commas");
      }
      int colon = entry.indexOf(':');
      String id = colon < 0 ? null : entry.substring(0, colon);
      byte[] material = decodeKey(colon < 0 ? entry : entry.substring(colon + 1), where);
      if (id == null) {
        id = checkValueId(material);
      } else if (!KEY_ID.matcher(id).matches()) {
        throw new InvalidSecretKeyException(
            where + " has the key id '" + id + "'; an id is 1-32 letters, digits, '.', '_' or '-'");
      }
      if (keys.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
        throw new InvalidSecretKeyException(
            where + " repeats the key id '" + id + "'; every key needs its own id");
      }
    }
    return new SecretKeyring(keys.keySet().iterator().next(), Collections.unmodifiableMap(keys));
  }

  /** {@link #parse(String, String)} naming the setting {@value #SETTING}. */
  public static SecretKeyring parse(String setting) {
    return parse(setting, SETTING);
  }

  /** The id of the key that encrypts. */
  public String newestKeyId() {
    return newestId;
  }

  SecretKey newestKey() {
    return keys.get(newestId);
  }

  /** The key of {@code keyId}, or null when it is not configured. */
  SecretKey key(String keyId) {
    return keys.get(keyId);
  }

  /** Key ids only: a keyring is printed in logs and errors without its keys. */
  @Override
  public String toString() {
    return "SecretKeyring[newest=" + newestId + ", keys=" + keys.keySet() + "]";
  }

  private static byte[] decodeKey(String base64, String where) {
    byte[] material;
    try {
      material = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidSecretKeyException(
          where + " is not base64; entries are [keyId:]base64key, " + HOW_TO_MAKE);
    }
    if (material.length != KEY_BYTES) {
      throw new InvalidSecretKeyException(
          where
              + " is a "
              + material.length * 8
              + "-bit key; a 256-bit key (32 bytes) is"
              + " required, "
              + HOW_TO_MAKE);
    }
    return material;
  }

  private static String checkValueId(byte[] material) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
      return "k" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
