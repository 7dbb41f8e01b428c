package dev.argus.llm.vision;

/**
 * US dollars per million input and output tokens by model id (longest matching prefix wins, so
 * {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}); models without a price cost
 * null, and local servers (Ollama, a local OpenAI-compatible server) cost 0.
 */
public final class PriceTable {

  private PriceTable() {}

  /** The built-in table of common vision models. */
  public static PriceTable defaults() {
    throw new UnsupportedOperationException("implemented by the vision work (issue 12)");
  }

  /** The cost of one call, or null when the model has no price. */
  public Double costUsd(
      String providerType, String model, Integer inputTokens, Integer outputTokens) {
    throw new UnsupportedOperationException("implemented by the vision work (issue 12)");
  }
}
