package dev.argus.processor.llm;

import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmProviderConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The LLM part of {@code argus.config} as it stands when a reading is judged: alert rules, models
 * and providers by id. A deleted entry (a tombstone) is simply absent.
 */
record LlmConfig(
    Map<String, LlmAlertRuleConfig> rules,
    Map<String, LlmModelConfig> models,
    Map<String, LlmProviderConfig> providers) {

  LlmConfig {
    rules = Map.copyOf(rules);
    models = Map.copyOf(models);
    providers = Map.copyOf(providers);
  }

  static LlmConfig empty() {
    return new LlmConfig(Map.of(), Map.of(), Map.of());
  }

  /** The enabled rules, ordered by id so that events come out in the same order on a replay. */
  List<LlmAlertRuleConfig> enabledRules() {
    return rules.values().stream()
        .filter(LlmAlertRuleConfig::enabled)
        .sorted(Comparator.comparing(LlmAlertRuleConfig::id))
        .toList();
  }

  /**
   * The models (UUIDs) that serve the provider's model id {@code modelName}, matched exactly: those
   * enabled for monitoring whose provider is not disabled.
   */
  List<String> servingModels(String modelName) {
    return models.values().stream()
        .filter(model -> model.modelId().equals(modelName))
        .filter(LlmModelConfig::enabledForMonitoring)
        .filter(
            model -> {
              LlmProviderConfig provider = providers.get(model.providerId());
              return provider == null || provider.enabled();
            })
        .map(LlmModelConfig::id)
        .sorted()
        .toList();
  }
}
