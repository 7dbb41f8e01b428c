package dev.argus.collector.config;

import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretDecryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decrypts the runtime settings' {@code nut_password} (published by the api as an envelope) for NUT
 * discovery; a plaintext password of an older record is taken as it is. The plaintext stays in this
 * collector's memory.
 */
public final class RuntimeSecrets {

  private static final Logger log = LoggerFactory.getLogger(RuntimeSecrets.class);
  private static final SecretContext NUT_PASSWORD = SecretContext.runtimeField("nut_password");

  private final SecretCipher cipher;

  public RuntimeSecrets(SecretCipher cipher) {
    this.cipher = cipher;
  }

  /**
   * {@code runtime} with its NUT password in plain; without it when it cannot be decrypted (logged
   * without the secret): discovery then logs in without a password rather than not at all, since
   * listing UPSes needs none.
   */
  RuntimeConfig decrypted(RuntimeConfig runtime) {
    if (runtime == null || runtime.nutPassword() == null) {
      return runtime;
    }
    String password;
    try {
      password = cipher.reveal(runtime.nutPassword(), NUT_PASSWORD);
    } catch (SecretDecryptionException e) {
      log.error("Runtime nut_password from argus.config is not used: {}", e.getMessage());
      password = null;
    }
    return runtime.withNutPassword(password);
  }
}
