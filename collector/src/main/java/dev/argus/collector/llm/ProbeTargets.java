package dev.argus.collector.llm;

import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves the models of one job to what probes them, building each provider's client once per job
 * (building connects to nothing). A model that cannot be probed gets the reason instead, which its
 * readings carry: a job never stops for one bad provider.
 */
final class ProbeTargets {

  private final LlmFleet fleet;
  private final Function<ProviderSpec, ProviderClient> clientFactory;
  private final Map<String, Object> clientsOrProblems = new HashMap<>();

  ProbeTargets(LlmFleet fleet, Function<ProviderSpec, ProviderClient> clientFactory) {
    this.fleet = fleet;
    this.clientFactory = clientFactory;
  }

  /** How to probe the model of UUID {@code modelUuid}, or why it cannot be. */
  Target resolve(String modelUuid) {
    LlmModelConfig model = fleet.models().get(modelUuid);
    if (model == null) {
      return new Target(
          modelUuid,
          null,
          null,
          null,
          "model " + modelUuid + " is not on argus.config (deleted, or not yet published)");
    }
    LlmProvider provider = fleet.providers().get(model.providerId());
    if (provider == null) {
      return new Target(
          modelUuid,
          model,
          null,
          null,
          "provider "
              + model.providerId()
              + " of model "
              + model.modelId()
              + " is not on"
              + " argus.config (deleted, or not yet published)");
    }
    if (!provider.enabled()) {
      return new Target(
          modelUuid, model, provider, null, "provider " + name(provider) + " is disabled");
    }
    Object built = clientsOrProblems.computeIfAbsent(provider.id(), id -> build(provider));
    return built instanceof ProviderClient client
        ? new Target(modelUuid, model, provider, client, null)
        : new Target(modelUuid, model, provider, null, (String) built);
  }

  private Object build(LlmProvider provider) {
    if (provider.problem() != null) {
      return "provider " + name(provider) + " cannot be used: " + provider.problem();
    }
    try {
      return clientFactory.apply(provider.spec());
    } catch (IllegalArgumentException e) {
      return "provider " + name(provider) + " cannot be used: " + e.getMessage();
    }
  }

  private static String name(LlmProvider provider) {
    return "'"
        + (provider.displayName() == null ? provider.id() : provider.displayName())
        + "' ("
        + provider.type()
        + ")";
  }

  /**
   * @param model null when {@code argus.config} does not know the model
   * @param provider null when it does not know the provider
   * @param client null when {@code problem} says why not
   */
  record Target(
      String modelUuid,
      LlmModelConfig model,
      LlmProvider provider,
      ProviderClient client,
      String problem) {}
}
