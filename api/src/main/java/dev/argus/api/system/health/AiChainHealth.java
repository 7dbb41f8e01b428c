package dev.argus.api.system.health;

import dev.argus.api.system.health.HealthRepository.ChainModel;
import dev.argus.api.system.health.SystemHealth.AiProvider;
import dev.argus.api.system.health.SystemHealth.AiProviders;
import dev.argus.llm.vision.ProviderHealth;
import dev.argus.llm.vision.UsageLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The AI chain of the settings, each provider with the state the describer of this replica knows
 * ({@link DescriberHealth}: ok, failing, circuit open) and whether a cost cap pauses descriptions
 * ({@link UsageLedger#pausedReason}). The AI feature provides both as beans; without them, e.g. on
 * a replica that does not describe, what the configuration says is reported with state {@code
 * unknown}.
 */
@Component
class AiChainHealth {

  static final String FAILING = "failing";
  static final String CIRCUIT_OPEN = "circuit_open";
  static final String DISABLED = "disabled";
  static final String MISSING = "missing";

  private final ObjectProvider<DescriberHealth> describer;
  private final ObjectProvider<UsageLedger> ledger;

  AiChainHealth(ObjectProvider<DescriberHealth> describer, ObjectProvider<UsageLedger> ledger) {
    this.describer = describer;
    this.ledger = ledger;
  }

  AiProviders of(List<ChainModel> chain) {
    if (chain.isEmpty()) {
      return new AiProviders(
          SystemHealth.NONE,
          "no AI chain: events are not described; set ai_chain with PUT /api/v1/system/settings",
          null,
          List.of());
    }
    DescriberHealth chainNow = describer.getIfAvailable();
    String paused = pausedReason().orElse(null);
    List<AiProvider> providers = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      providers.add(provider(i + 1, chain.get(i), chainNow));
    }
    long usable =
        providers.stream()
            .filter(p -> !List.of(DISABLED, MISSING, CIRCUIT_OPEN).contains(p.state()))
            .count();
    boolean anyFailing =
        providers.stream().anyMatch(p -> List.of(FAILING, CIRCUIT_OPEN).contains(p.state()));
    String state;
    String detail;
    if (usable == 0) {
      state = SystemHealth.DOWN;
      detail = "no provider of the chain can be used (deleted, disabled or circuit open)";
    } else if (paused != null) {
      state = SystemHealth.DEGRADED;
      detail = "descriptions are paused: " + paused;
    } else if (chainNow == null) {
      state = SystemHealth.UNKNOWN;
      detail = usable + " usable provider(s); the describer does not run on this replica";
    } else if (anyFailing) {
      state = SystemHealth.DEGRADED;
      detail = "a provider of the chain is failing; the next ones are tried";
    } else {
      state = SystemHealth.OK;
      detail = usable + " usable provider(s)";
    }
    return new AiProviders(state, detail, paused, providers);
  }

  private AiProvider provider(int position, ChainModel model, DescriberHealth chainNow) {
    String state;
    String lastError = null;
    java.time.Instant lastCallAt = null;
    if (model.model() == null) {
      state = MISSING;
    } else if (!model.enabled()) {
      state = DISABLED;
    } else if (chainNow == null) {
      state = SystemHealth.UNKNOWN;
    } else {
      ProviderHealth health = health(chainNow, model.providerId().toString());
      state = health == null ? SystemHealth.UNKNOWN : health.state();
      lastError = health == null ? null : health.lastError();
      lastCallAt = health == null ? null : health.lastCallAt();
    }
    return new AiProvider(
        position,
        model.modelId().toString(),
        model.model(),
        model.providerId() == null ? null : model.providerId().toString(),
        model.provider(),
        model.providerType(),
        model.enabled(),
        state,
        lastError,
        lastCallAt);
  }

  /** Health is a report: a describer that cannot answer leaves the state unknown. */
  private static ProviderHealth health(DescriberHealth chain, String providerId) {
    try {
      return chain.health(providerId);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Optional<String> pausedReason() {
    UsageLedger usage = ledger.getIfAvailable();
    if (usage == null) {
      return Optional.empty();
    }
    try {
      return usage.pausedReason();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
