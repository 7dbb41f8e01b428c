package dev.argus.api.system.secrets;

import dev.argus.contract.secrets.SecretContext;
import java.util.function.BiFunction;

/**
 * A table that holds encrypted secrets; its feature implements this so that the re-encryption
 * ({@code dev.argus.api.secrets.SecretsMaintenance}) can rewrite everything without knowing each
 * table's layout, and without the features depending on one another.
 */
public interface SecretStore {

  /** The table, as the counts of the re-encryption name it. */
  String table();

  /**
   * Replaces every stored secret {@code s} of context {@code c} by {@code rewrite(s, c)}, in one
   * transaction, and republishes through the config outbox what collectors receive and changed.
   *
   * @return how many secrets changed
   */
  int rewrite(BiFunction<String, SecretContext, String> rewrite);
}
