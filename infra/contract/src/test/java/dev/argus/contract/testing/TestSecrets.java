package dev.argus.contract.testing;

import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretKeyring;

/**
 * A fixed {@code ARGUS_SECRET_KEY} for tests that encrypt what a service decrypts (or the reverse):
 * pass {@link #KEY} to the service, encrypt and decrypt with {@link #CIPHER}. Used nowhere else.
 */
public final class TestSecrets {

  public static final String KEY = "fixture:c2VjcmV0cy1maXh0dXJlLWtleS1vZi0zMi1ieXRlcyE=";
  public static final SecretCipher CIPHER = new SecretCipher(SecretKeyring.parse(KEY));

  private TestSecrets() {}
}
