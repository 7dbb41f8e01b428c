package dev.argus.contract.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Authenticated encryption of single secrets with the {@link SecretKeyring}: AES-256-GCM (JCA
 * {@code AES/GCM/NoPadding}), a fresh random 96-bit nonce per encryption, a 128-bit tag. A
 * ciphertext travels as the envelope {@code enc:v1:<keyId>:<base64url(nonce || ciphertext ||
 * tag)>}, which fits wherever the plaintext string was (JSON columns, topic records). The
 * additional authenticated data is the envelope's header plus the {@link SecretContext}, so the
 * version, the key id and the field the secret belongs to cannot be changed without the tag
 * failing. Thread-safe.
 */
public final class SecretCipher {

  private static final String VERSION = "v1";
  private static final Pattern ENVELOPE =
      Pattern.compile("enc:(v[0-9]{1,3}):([A-Za-z0-9_.-]{1,32}):([A-Za-z0-9_-]+)");
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeyring keyring;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(SecretKeyring keyring) {
    this.keyring = keyring;
  }

  /** Whether {@code value} is an envelope (of any version and key); plaintext never is. */
  public static boolean isEncrypted(String value) {
    return value != null && ENVELOPE.matcher(value).matches();
  }

  /** The key id an envelope names, or null for a value that is not one. */
  public static String keyIdOf(String value) {
    Matcher envelope = value == null ? null : ENVELOPE.matcher(value);
    return envelope != null && envelope.matches() ? envelope.group(2) : null;
  }

  public String newestKeyId() {
    return keyring.newestKeyId();
  }

  /** {@code plain} encrypted with the newest key for {@code context}. */
  public String encrypt(String plain, SecretContext context) {
    if (plain == null) {
      throw new IllegalArgumentException("nothing to encrypt for " + context);
    }
    String keyId = keyring.newestKeyId();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keyring.newestKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(VERSION, keyId, context));
      sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable on this Java platform", e);
    }
    byte[] payload = new byte[nonce.length + sealed.length];
    System.arraycopy(nonce, 0, payload, 0, nonce.length);
    System.arraycopy(sealed, 0, payload, nonce.length, sealed.length);
    return "enc:"
        + VERSION
        + ":"
        + keyId
        + ":"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
  }

  /**
   * @throws SecretDecryptionException when {@code envelope} is not one, names a version or key this
   *     keyring does not have, or fails authentication (tampered, or another context)
   */
  public String decrypt(String envelope, SecretContext context) {
    Matcher parts = envelope == null ? null : ENVELOPE.matcher(envelope);
    if (parts == null || !parts.matches()) {
      throw new SecretDecryptionException(
          "the secret of " + context + " is not an envelope enc:v1:<keyId>:<data>");
    }
    String version = parts.group(1);
    String keyId = parts.group(2);
    if (!VERSION.equals(version)) {
      throw new SecretDecryptionException(
          "the secret of "
              + context
              + " has envelope version "
              + version
              + "; this build reads "
              + VERSION);
    }
    SecretKey key = keyring.key(keyId);
    if (key == null) {
      throw new SecretDecryptionException(
          "the secret of "
              + context
              + " is encrypted with key '"
              + keyId
              + "', which "
              + SecretKeyring.SETTING
              + " does not hold (it has "
              + keyring
              + "); add that key");
    }
    byte[] payload;
    try {
      payload = Base64.getUrlDecoder().decode(parts.group(3));
    } catch (IllegalArgumentException e) {
      throw new SecretDecryptionException("the secret of " + context + " is not valid base64url");
    }
    if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretDecryptionException("the secret of " + context + " is truncated");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
      cipher.updateAAD(aad(version, keyId, context));
      byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SecretDecryptionException(
          "the secret of "
              + context
              + " failed authentication with key '"
              + keyId
              + "': it was altered, or belongs to another field");
    } catch (GeneralSecurityException e) {
      throw new SecretDecryptionException(
          "the secret of " + context + " cannot be decrypted with key '" + keyId + "'", e);
    }
  }

  /** An envelope as it is; a plaintext value (stored before encryption existed) encrypted. */
  public String protect(String value, SecretContext context) {
    return value == null || isEncrypted(value) ? value : encrypt(value, context);
  }

  /** The plaintext of an envelope; a plaintext value (from an older record) as it is. */
  public String reveal(String value, SecretContext context) {
    return value == null || !isEncrypted(value) ? value : decrypt(value, context);
  }

  /** Whether {@link #reencrypt} would change {@code value}: plaintext, or not the newest key. */
  public boolean needsReencryption(String value) {
    return value != null && !keyring.newestKeyId().equals(keyIdOf(value));
  }

  /**
   * {@code value} under the newest key: an envelope of an older key is decrypted and encrypted
   * again, plaintext is encrypted, an envelope of the newest key is returned as it is.
   */
  public String reencrypt(String value, SecretContext context) {
    return needsReencryption(value) ? encrypt(reveal(value, context), context) : value;
  }

  private static byte[] aad(String version, String keyId, SecretContext context) {
    return ("enc:" + version + ":" + keyId + ":" + context.value())
        .getBytes(StandardCharsets.UTF_8);
  }
}
