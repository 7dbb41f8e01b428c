package dev.argus.api.system.health;

import dev.argus.llm.vision.ProviderHealth;

/**
 * What the describer of this replica knows of each provider it called: the seam between the AI
 * feature, which keeps the process's {@code DescriptionChain} (its circuit breakers and last
 * failures), and {@code GET /api/v1/system/health}. The AI feature implements it as a bean; without
 * one (a replica that does not describe) the providers' state is {@code unknown}.
 */
public interface DescriberHealth {

  /**
   * The provider account's state as the chain sees it: {@code ok} (also before any call), {@code
   * failing} or {@code circuit_open}.
   *
   * @param providerId the {@code llm_providers} id
   */
  ProviderHealth health(String providerId);
}
