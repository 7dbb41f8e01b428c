package dev.argus.api.system.secrets;

import dev.argus.contract.secrets.SecretKeyring;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master keys that encrypt stored secrets, bound from {@code argus.secrets.keys} ({@code
 * ARGUS_SECRET_KEY}): comma-separated {@code [keyId:]base64(32 bytes)}, newest first (see {@link
 * SecretKeyring}). Required: without a valid key the api does not start, since it could neither
 * store a new secret safely nor read a stored one.
 */
@ConfigurationProperties("argus.secrets")
public record SecretsProperties(String keys) {

  static final String SETTING = "argus.secrets.keys (ARGUS_SECRET_KEY)";

  public SecretsProperties {
    keyring(keys);
  }

  /** The parsed keyring; its toString names key ids only. */
  public SecretKeyring keyring() {
    return keyring(keys);
  }

  private static SecretKeyring keyring(String keys) {
    return SecretKeyring.parse(keys, SETTING);
  }

  /** Never prints the keys (Spring may log a bound record). */
  @Override
  public String toString() {
    return "SecretsProperties[" + keyring() + "]";
  }
}
