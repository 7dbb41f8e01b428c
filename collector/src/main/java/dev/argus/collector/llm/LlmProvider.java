package dev.argus.collector.llm;

import dev.argus.llm.client.ProviderSpec;

/**
 * A provider account as the collector uses it: its credentials decrypted into {@link #spec()}
 * (whose {@code toString} leaves them out, so a provider can be logged), or the reason it cannot be
 * used (an unknown type, a credential that does not decrypt). Every probe of a model of an unusable
 * provider is a failed reading that gives the reason.
 *
 * @param spec how to reach it; null when {@code problem} is set
 * @param problem why it cannot be probed; null when it can
 */
public record LlmProvider(
    String id,
    String type,
    String displayName,
    boolean enabled,
    ProviderSpec spec,
    String problem) {

  public LlmProvider {
    if ((spec == null) == (problem == null)) {
      throw new IllegalArgumentException("a provider has either a spec or a problem");
    }
  }

  public static LlmProvider usable(
      String id, String type, String displayName, boolean enabled, ProviderSpec spec) {
    return new LlmProvider(id, type, displayName, enabled, spec, null);
  }

  public static LlmProvider unusable(
      String id, String type, String displayName, boolean enabled, String problem) {
    return new LlmProvider(id, type, displayName, enabled, null, problem);
  }
}
