package dev.argus.llm.vision;

import java.net.http.HttpClient;
import java.util.List;

/**
 * Describes images with the first provider of an ordered chain that answers: a per-call timeout,
 * retries with exponential backoff on 429/5xx/timeouts, then the next provider; a resilience4j
 * circuit breaker per provider skips one that keeps failing; the {@link UsageLedger} records every
 * call and pauses the chain when a cost cap is reached. Thread-safe; one per process.
 */
public final class DescriptionChain {

  public DescriptionChain(
      ChainSettings settings, PriceTable prices, UsageLedger ledger, HttpClient http) {
    throw new UnsupportedOperationException("implemented by the vision work (issue 12)");
  }

  /** Tries {@code chain} in order; never throws for anything a provider does. */
  public ChainOutcome describe(List<VisionTarget> chain, VisionRequest request) {
    throw new UnsupportedOperationException("implemented by the vision work (issue 12)");
  }

  /** The state of a provider (account UUID) the chain has called, or {@code ok} if never. */
  public ProviderHealth health(String providerId) {
    throw new UnsupportedOperationException("implemented by the vision work (issue 12)");
  }
}
