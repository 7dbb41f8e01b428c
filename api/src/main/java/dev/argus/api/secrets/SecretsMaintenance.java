package dev.argus.api.secrets;

import dev.argus.api.system.secrets.SecretStore;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.secrets.SecretContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings every {@link SecretStore} to the current keyring: {@link #encryptPlaintext()} encrypts
 * what an older version stored in plain (run after each successful schema migration at start-up),
 * {@link #reencryptAll()} also moves every secret of an older key to the newest (the operator's
 * command after a rotation), after which the older key can be removed from {@code
 * ARGUS_SECRET_KEY}.
 */
@Component
public class SecretsMaintenance {

  private static final Logger log = LoggerFactory.getLogger(SecretsMaintenance.class);

  private final SecretCipher cipher;
  private final List<SecretStore> stores;

  SecretsMaintenance(SecretCipher cipher, List<SecretStore> stores) {
    this.cipher = cipher;
    this.stores = List.copyOf(stores);
  }

  /** Counts per table of the secrets encrypted; already encrypted ones are left as they are. */
  public Map<String, Integer> encryptPlaintext() {
    Map<String, Integer> counts = run(cipher::protect);
    if (counts.values().stream().anyMatch(count -> count > 0)) {
      log.info("Encrypted secrets stored in plain text: {}", counts);
    }
    return counts;
  }

  /** Counts per table of the secrets re-encrypted with the newest key. */
  public ReencryptionResult reencryptAll() {
    Map<String, Integer> counts = run(cipher::reencrypt);
    log.info("Re-encrypted stored secrets with key '{}': {}", cipher.newestKeyId(), counts);
    return new ReencryptionResult(cipher.newestKeyId(), counts);
  }

  private Map<String, Integer> run(BiFunction<String, SecretContext, String> rewrite) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SecretStore store : stores) {
      counts.put(store.table(), store.rewrite(rewrite));
    }
    return counts;
  }
}
