package dev.argus.api.system.secrets;

import dev.argus.contract.secrets.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SecretCipher} of the api, from {@code ARGUS_SECRET_KEY}. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

  @Bean
  SecretCipher secretCipher(SecretsProperties properties) {
    var keyring = properties.keyring();
    log.info("Secrets are encrypted with key '{}' ({})", keyring.newestKeyId(), keyring);
    return new SecretCipher(keyring);
  }
}
