package dev.argus.collector.config;

import dev.argus.collector.llm.LlmProvider;
import dev.argus.contract.llm.LlmProviderConfig;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.secrets.SecretDecryptionException;
import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a provider account of {@code argus.config} into the {@link LlmProvider} the collector
 * probes: its type looked up and its credentials decrypted, each bound to its provider and field as
 * the api encrypted it ({@link SecretContext#llmProviderField}); a plaintext value of an older
 * record is taken as it is. A provider that cannot be used carries the reason instead (never the
 * secret), and its models' readings say it. The plaintext stays in this collector's memory.
 */
public final class LlmProviders {

  private final SecretCipher cipher;

  public LlmProviders(SecretCipher cipher) {
    this.cipher = cipher;
  }

  LlmProvider usable(LlmProviderConfig config) {
    Optional<ProviderType> type = ProviderType.fromId(config.providerType());
    if (type.isEmpty()) {
      return LlmProvider.unusable(
          config.id(),
          config.providerType(),
          config.displayName(),
          config.enabled(),
          "provider_type '"
              + config.providerType()
              + "' is unknown to this collector (known: "
              + ProviderType.ids()
              + ")");
    }
    Map<String, String> plain = new LinkedHashMap<>();
    try {
      config
          .credentials()
          .forEach(
              (field, value) ->
                  plain.put(
                      field,
                      SecretCipher.isEncrypted(value)
                          ? cipher.decrypt(
                              value, SecretContext.llmProviderField(config.id(), field))
                          : value));
    } catch (SecretDecryptionException e) {
      return LlmProvider.unusable(
          config.id(),
          type.get().id(),
          config.displayName(),
          config.enabled(),
          "credentials: " + e.getMessage());
    }
    return LlmProvider.usable(
        config.id(),
        type.get().id(),
        config.displayName(),
        config.enabled(),
        new ProviderSpec(type.get(), config.baseUrl(), config.region(), plain, config.options()));
  }
}
