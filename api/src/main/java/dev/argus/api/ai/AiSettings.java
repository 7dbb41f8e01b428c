package dev.argus.api.ai;

import dev.argus.api.system.settings.SystemSettings;
import dev.argus.llm.vision.ChainSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The AI columns of {@code camera_settings} (one row), as the describer and the endpoints read
 * them.
 *
 * @param chain {@code ai_chain}: llm_models ids in the order they are tried
 * @param descriptionPrompt the prompt of every camera without an override; null for the default
 * @param dailyCapUsd null when there is no daily cap
 * @param monthlyCapUsd null when there is no monthly cap
 */
record AiSettings(
    List<UUID> chain,
    int timeoutSeconds,
    int maxRetries,
    String descriptionPrompt,
    BigDecimal dailyCapUsd,
    BigDecimal monthlyCapUsd) {

  AiSettings {
    chain = List.copyOf(chain);
  }

  /** The AI part of the system settings now in force. */
  static AiSettings of(SystemSettings settings) {
    return new AiSettings(
        settings.aiChain(),
        settings.aiTimeoutSeconds(),
        settings.aiMaxRetries(),
        settings.descriptionPrompt(),
        settings.dailyCostCapUsd(),
        settings.monthlyCostCapUsd());
  }

  /**
   * The chain's limits from the settings; backoff and circuit breaker keep the chain's defaults
   * (the seed's 2/4/8 s, half failing of four calls).
   */
  ChainSettings chainSettings() {
    ChainSettings defaults = ChainSettings.DEFAULTS;
    return new ChainSettings(
        Duration.ofSeconds(Math.max(1, timeoutSeconds)),
        Math.max(0, maxRetries),
        defaults.firstBackoff(),
        defaults.failureRateThreshold(),
        defaults.minimumCalls(),
        defaults.openFor());
  }
}
