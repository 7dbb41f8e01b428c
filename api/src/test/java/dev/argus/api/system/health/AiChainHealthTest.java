package dev.argus.api.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.system.health.HealthRepository.ChainModel;
import dev.argus.api.system.health.SystemHealth.AiProviders;
import dev.argus.llm.vision.CallRecord;
import dev.argus.llm.vision.ProviderHealth;
import dev.argus.llm.vision.UsageLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The AI chain's health from what the describer reports of each provider and the cost caps. */
class AiChainHealthTest {

  private static final UUID OPENAI = UUID.randomUUID();
  private static final UUID XAI = UUID.randomUUID();
  private static final Instant CALLED = Instant.parse("2026-12-03T10:00:00Z");

  private final List<ChainModel> chain =
      List.of(
          new ChainModel(UUID.randomUUID(), "gpt-4.1", OPENAI, "OpenAI", "openai", true),
          new ChainModel(UUID.randomUUID(), "grok-4", XAI, "xAI", "xai", true));

  @Test
  void everyProviderOkIsOk() {
    AiProviders providers = health(Map.of(), null).of(chain);

    assertThat(providers.state()).isEqualTo("ok");
    assertThat(providers.chain()).extracting(p -> p.state()).containsExactly("ok", "ok");
    assertThat(providers.pausedReason()).isNull();
  }

  @Test
  void aFailingProviderDegradesAndItsErrorIsShown() {
    AiProviders providers =
        health(
                Map.of(
                    OPENAI, new ProviderHealth(OPENAI.toString(), "failing", "HTTP 429", CALLED)),
                null)
            .of(chain);

    assertThat(providers.state()).isEqualTo("degraded");
    assertThat(providers.chain().getFirst().state()).isEqualTo("failing");
    assertThat(providers.chain().getFirst().lastError()).isEqualTo("HTTP 429");
    assertThat(providers.chain().getFirst().lastCallAt()).isEqualTo(CALLED);
  }

  @Test
  void everyCircuitOpenIsDown() {
    ProviderHealth open = new ProviderHealth("x", "circuit_open", "timeout", CALLED);
    AiProviders providers = health(Map.of(OPENAI, open, XAI, open), null).of(chain);

    assertThat(providers.state()).isEqualTo("down");
  }

  @Test
  void aCostCapPausesWithItsReason() {
    AiProviders providers =
        health(Map.of(), "daily cost cap of $1.00 reached; resumes at 2026-12-04T00:00Z").of(chain);

    assertThat(providers.state()).isEqualTo("degraded");
    assertThat(providers.pausedReason())
        .isEqualTo("daily cost cap of $1.00 reached; resumes at 2026-12-04T00:00Z");
  }

  @Test
  void withoutADescriberTheStateIsUnknown() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    AiChainHealth health =
        new AiChainHealth(
            beans.getBeanProvider(DescriberHealth.class), beans.getBeanProvider(UsageLedger.class));

    AiProviders providers = health.of(chain);

    assertThat(providers.state()).isEqualTo("unknown");
    assertThat(providers.chain()).extracting(p -> p.state()).containsExactly("unknown", "unknown");
  }

  private static AiChainHealth health(Map<UUID, ProviderHealth> reported, String paused) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    DescriberHealth describer =
        providerId ->
            reported.getOrDefault(
                UUID.fromString(providerId), new ProviderHealth(providerId, "ok", null, null));
    beans.registerSingleton("describer", describer);
    beans.registerSingleton(
        "ledger",
        new UsageLedger() {
          @Override
          public void record(CallRecord call) {}

          @Override
          public Optional<String> pausedReason() {
            return Optional.ofNullable(paused);
          }
        });
    return new AiChainHealth(
        beans.getBeanProvider(DescriberHealth.class), beans.getBeanProvider(UsageLedger.class));
  }
}
