package dev.argus.api.ai;

import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.vision.ChainSettings;
import dev.argus.llm.vision.DescriptionChain;
import dev.argus.llm.vision.PriceTable;
import dev.argus.llm.vision.ProviderHealth;
import dev.argus.llm.vision.UsageLedger;
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
class DescriptionChains implements DisposableBean {

  private final UsageLedger ledger;
  private final HttpClient http = ProviderClients.httpClient();
  private PriceTable prices;
  private ChainSettings settings;
  private DescriptionChain chain;

  DescriptionChains(UsageLedger ledger) {
    this.ledger = ledger;
  }

  /** The chain with {@code wanted} settings (the current one unless they changed). */
  synchronized DescriptionChain chain(ChainSettings wanted) {
    if (chain == null || !wanted.equals(settings)) {
      if (prices == null) {
        prices = PriceTable.defaults();
      }
      chain = new DescriptionChain(wanted, prices, ledger, http);
      settings = wanted;
    }
    return chain;
  }

  /** A provider's state as the current chain sees it; {@code ok} before any call. */
  synchronized ProviderHealth health(String providerId) {
    return chain == null
        ? new ProviderHealth(providerId, "ok", null, null)
        : chain.health(providerId);
  }

  @Override
  public void destroy() {
    http.close();
  }
}
