package dev.argus.api.ai;

import dev.argus.api.system.health.DescriberHealth;
import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.vision.ChainSettings;
import dev.argus.llm.vision.DescriptionChain;
import dev.argus.llm.vision.PriceTable;
import dev.argus.llm.vision.ProviderHealth;
import dev.argus.llm.vision.TextCompletion;
import dev.argus.llm.vision.UsageLedger;
import dev.argus.llm.vision.VisionTarget;
import java.net.http.HttpClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The process's one {@link DescriptionChain} (its circuit breakers and provider health are
 * per-process state), over one HTTP client and the PostgreSQL ledger. The chain's settings come
 * from {@code camera_settings} (timeout, retries), which may change at run time: a change replaces
 * the chain, and with it the circuit breakers' memory.
 */
@Component
class DescriptionChains implements DisposableBean, DescriberHealth {

  private final UsageLedger ledger;
  private final HttpClient http = ProviderClients.httpClient();
  private final PriceTable prices = PriceTable.defaults();
  private ChainSettings settings;
  private DescriptionChain chain;

  DescriptionChains(UsageLedger ledger) {
    this.ledger = ledger;
  }

  /** The chain with {@code wanted} settings (the current one unless they changed). */
  synchronized DescriptionChain chain(ChainSettings wanted) {
    if (chain == null || !wanted.equals(settings)) {
      chain = new DescriptionChain(wanted, prices, ledger, http);
      settings = wanted;
    }
    return chain;
  }

  /** One text request to one model with the chain's HTTP client, e.g. to refine a prompt. */
  TextCompletion.Result complete(
      VisionTarget target, String prompt, int maxTokens, java.time.Duration timeout) {
    return new TextCompletion(http, timeout).complete(target, prompt, maxTokens);
  }

  /** The price of a call, or null when the model has none. */
  Double costUsd(VisionTarget target, Integer inputTokens, Integer outputTokens) {
    return prices.costUsd(target.spec().type().id(), target.modelId(), inputTokens, outputTokens);
  }

  /** A provider's state as the current chain sees it; {@code ok} before any call. */
  @Override
  public synchronized ProviderHealth health(String providerId) {
    return chain == null
        ? new ProviderHealth(providerId, "ok", null, null)
        : chain.health(providerId);
  }

  @Override
  public void destroy() {
    http.close();
  }
}
