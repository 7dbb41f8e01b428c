package dev.argus.contract.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final SecretContext PASSWORD = SecretContext.deviceField("ups-1", "password");
  private static final String KEY_A = "a:" + randomKey();
  private static final String KEY_B = "b:" + randomKey();

  @Test
  void roundTripHidesThePlaintextAndNamesTheKey() {
    SecretCipher cipher = new SecretCipher(SecretKeyring.parse(KEY_A));

    String envelope = cipher.encrypt("marker-s3cret", PASSWORD);

    assertThat(envelope).startsWith("enc:v1:a:").doesNotContain("marker-s3cret");
    assertThat(SecretCipher.isEncrypted(envelope)).isTrue();
    assertThat(SecretCipher.keyIdOf(envelope)).isEqualTo("a");
    assertThat(cipher.decrypt(envelope, PASSWORD)).isEqualTo("marker-s3cret");
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    SecretCipher cipher = new SecretCipher(SecretKeyring.parse(KEY_A));

    assertThat(cipher.encrypt("same", PASSWORD)).isNotEqualTo(cipher.encrypt("same", PASSWORD));
  }

  @Test
  void unicodeAndEmptySecretsRoundTrip() {
    SecretCipher cipher = new SecretCipher(SecretKeyring.parse(KEY_A));

    assertThat(cipher.decrypt(cipher.encrypt("", PASSWORD), PASSWORD)).isEmpty();
    assertThat(cipher.decrypt(cipher.encrypt("pässwört ✓", PASSWORD), PASSWORD))
        .isEqualTo("pässwört ✓");
  }

  @Test
  void aTamperedCiphertextFailsAuthentication() {
    SecretCipher cipher = new SecretCipher(SecretKeyring.parse(KEY_A));
    String envelope = cipher.encrypt("marker-s3cret", PASSWORD);
    String header = envelope.substring(0, envelope.lastIndexOf(':') + 1);
    byte[] payload = Base64.getUrlDecoder().decode(envelope.substring(header.length()));
    payload[payload.length / 2] ^= 1;
    String tampered = header + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);

    assertThatThrownBy(() -> cipher.decrypt(tampered, PASSWORD))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("failed authentication with key 'a'")
        .hasMessageContaining("device:ups-1:password");
  }

  @Test
  void aSecretCopiedIntoAnotherFieldDoesNotDecryptThere() {
    SecretCipher cipher = new SecretCipher(SecretKeyring.parse(KEY_A));
    String envelope = cipher.encrypt("marker-s3cret", PASSWORD);

    assertThatThrownBy(
            () -> cipher.decrypt(envelope, SecretContext.deviceField("ups-2", "password")))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("belongs to another field");
    assertThatThrownBy(
            () -> cipher.decrypt(envelope, SecretContext.deviceField("ups-1", "community")))
        .isInstanceOf(SecretDecryptionException.class);
  }

  @Test
  void theKeyIdInTheHeaderIsAuthenticated() {
    String keyMaterial = randomKey();
    SecretCipher cipher =
        new SecretCipher(SecretKeyring.parse("one:" + keyMaterial + ",two:" + keyMaterial));
    String envelope = cipher.encrypt("marker-s3cret", PASSWORD);

    String relabelled = envelope.replace("enc:v1:one:", "enc:v1:two:");

    assertThatThrownBy(() -> cipher.decrypt(relabelled, PASSWORD))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("key 'two'");
  }

  @Test
  void rotationDecryptsWithTheOldKeyAndEncryptsWithTheNewest() {
    String underA = new SecretCipher(SecretKeyring.parse(KEY_A)).encrypt("marker", PASSWORD);
    SecretCipher rotated = new SecretCipher(SecretKeyring.parse(KEY_B + "," + KEY_A));

    assertThat(rotated.decrypt(underA, PASSWORD)).isEqualTo("marker");
    assertThat(rotated.needsReencryption(underA)).isTrue();
    String underB = rotated.reencrypt(underA, PASSWORD);
    assertThat(SecretCipher.keyIdOf(underB)).isEqualTo("b");
    assertThat(rotated.needsReencryption(underB)).isFalse();
    assertThat(rotated.reencrypt(underB, PASSWORD)).isSameAs(underB);
    assertThat(new SecretCipher(SecretKeyring.parse(KEY_B)).decrypt(underB, PASSWORD))
        .isEqualTo("marker");
  }

  @Test
  void anUnknownKeyIdIsNamed() {
    String underA = new SecretCipher(SecretKeyring.parse(KEY_A)).encrypt("marker", PASSWORD);
    SecretCipher onlyB = new SecretCipher(SecretKeyring.parse(KEY_B));

    assertThatThrownBy(() -> onlyB.decrypt(underA, PASSWORD))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("key 'a'")
        .hasMessageContaining("ARGUS_SECRET_KEY does not hold")
        .hasMessageNotContaining("marker");
  }

  @Test
  void plaintextIsProtectedAndRevealedAsItIs() {
    SecretCipher cipher = new SecretCipher(SecretKeyring.parse(KEY_A));

    assertThat(SecretCipher.isEncrypted("plain-password")).isFalse();
    assertThat(SecretCipher.isEncrypted("enc:v1:a:")).isFalse();
    assertThat(cipher.reveal("plain-password", PASSWORD)).isEqualTo("plain-password");
    String protectedValue = cipher.protect("plain-password", PASSWORD);
    assertThat(SecretCipher.isEncrypted(protectedValue)).isTrue();
    assertThat(cipher.protect(protectedValue, PASSWORD)).isSameAs(protectedValue);
    assertThat(cipher.reveal(protectedValue, PASSWORD)).isEqualTo("plain-password");
    assertThat(cipher.reencrypt("plain-password", PASSWORD)).startsWith("enc:v1:a:");
  }

  @Test
  void anotherEnvelopeVersionIsRefused() {
    SecretCipher cipher = new SecretCipher(SecretKeyring.parse(KEY_A));
    String v2 = cipher.encrypt("marker", PASSWORD).replace("enc:v1:", "enc:v2:");

    assertThatThrownBy(() -> cipher.decrypt(v2, PASSWORD))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("version v2");
  }

  static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
