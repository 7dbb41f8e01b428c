package dev.argus.collector.system;

import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretKeyring;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that decrypt the credentials the api publishes on {@code argus.config}, bound from
 * {@code argus.secrets.keys} ({@code ARGUS_SECRET_KEY}, the same value as the api's; see {@link
 * SecretKeyring} for the format). Required: without it the collector does not start, since it could
 * not use a single managed device's credentials.
 */
@ConfigurationProperties("argus.secrets")
public record SecretsSettings(String keys) {

  static final String SETTING = "argus.secrets.keys (ARGUS_SECRET_KEY)";

  public SecretsSettings {
    SecretKeyring.parse(keys, SETTING);
  }

  public SecretCipher cipher() {
    return new SecretCipher(SecretKeyring.parse(keys, SETTING));
  }

  /** Key ids only. */
  @Override
  public String toString() {
    return "SecretsSettings[" + SecretKeyring.parse(keys, SETTING) + "]";
  }
}
