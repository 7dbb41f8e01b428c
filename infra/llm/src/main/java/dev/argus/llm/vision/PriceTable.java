package dev.argus.llm.vision;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * US dollars per million input and output tokens by model id (longest matching prefix wins, so
 * {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}); models without a price cost
 * null, and local servers (Ollama, a local OpenAI-compatible server) cost 0. Immutable; {@link
 * #withPrice} makes a table with one price more or changed.
 */
public final class PriceTable {

  /** The date the built-in list prices were read from the providers' pricing pages. */
  public static final String LIST_PRICES_AS_OF = "2025-11-01";

  /**
   * Types whose servers run on one's own hardware: no per-token bill. The generic {@code
   * openai_compatible} type is one's own server too (a hosted one has a type of its own), but a
   * model it serves that the table knows is priced as listed.
   */
  private static final Set<String> LOCAL_TYPES = Set.of("ollama", "vllm", "llamacpp", "lmstudio");

  private static final String GENERIC_TYPE = "openai_compatible";

  /** A price per million tokens. */
  public record Price(double inputPerMillion, double outputPerMillion) {

    public Price {
      if (inputPerMillion < 0 || outputPerMillion < 0) {
        throw new IllegalArgumentException("prices must not be negative");
      }
    }

    /** The cost of a call; tokens not reported count as none. */
    public double cost(Integer inputTokens, Integer outputTokens) {
      return (nonNull(inputTokens) * inputPerMillion + nonNull(outputTokens) * outputPerMillion)
          / 1_000_000.0;
    }

    private static long nonNull(Integer tokens) {
      return tokens == null ? 0 : Math.max(0, tokens);
    }
  }

  private final Map<String, Price> byPrefix;

  private PriceTable(Map<String, Price> byPrefix) {
    this.byPrefix = Map.copyOf(byPrefix);
  }

  /**
   * The built-in table of common vision models: the providers' list prices (standard tier, text and
   * image input alike, no batch or cache discount) as of {@link #LIST_PRICES_AS_OF}. Prices change;
   * a deployment overrides or adds one with {@link #withPrice}.
   */
  public static PriceTable defaults() {
    Map<String, Price> prices = new LinkedHashMap<>();
    // OpenAI
    prices.put("gpt-4o", new Price(2.50, 10.00));
    prices.put("gpt-4o-mini", new Price(0.15, 0.60));
    prices.put("gpt-4.1", new Price(2.00, 8.00));
    prices.put("gpt-4.1-mini", new Price(0.40, 1.60));
    prices.put("gpt-4.1-nano", new Price(0.10, 0.40));
    prices.put("gpt-4-turbo", new Price(10.00, 30.00));
    prices.put("gpt-5", new Price(1.25, 10.00));
    prices.put("gpt-5-mini", new Price(0.25, 2.00));
    prices.put("gpt-5-nano", new Price(0.05, 0.40));
    prices.put("o3", new Price(2.00, 8.00));
    prices.put("o3-mini", new Price(1.10, 4.40));
    prices.put("o4-mini", new Price(1.10, 4.40));
    // xAI
    prices.put("grok-4", new Price(3.00, 15.00));
    prices.put("grok-4-fast", new Price(0.20, 0.50));
    prices.put("grok-4-1-fast", new Price(0.20, 0.50));
    prices.put("grok-2-vision", new Price(2.00, 10.00));
    // Anthropic
    prices.put("claude-opus-4", new Price(15.00, 75.00));
    prices.put("claude-opus-4-5", new Price(5.00, 25.00));
    prices.put("claude-sonnet-4", new Price(3.00, 15.00));
    prices.put("claude-3-7-sonnet", new Price(3.00, 15.00));
    prices.put("claude-3-5-sonnet", new Price(3.00, 15.00));
    prices.put("claude-haiku-4-5", new Price(1.00, 5.00));
    prices.put("claude-3-5-haiku", new Price(0.80, 4.00));
    prices.put("claude-3-haiku", new Price(0.25, 1.25));
    // Google Gemini (the prompt tier up to 200k tokens, where prices have tiers)
    prices.put("gemini-2.5-pro", new Price(1.25, 10.00));
    prices.put("gemini-2.5-flash", new Price(0.30, 2.50));
    prices.put("gemini-2.5-flash-lite", new Price(0.10, 0.40));
    prices.put("gemini-2.0-flash", new Price(0.10, 0.40));
    prices.put("gemini-2.0-flash-lite", new Price(0.075, 0.30));
    prices.put("gemini-1.5-flash", new Price(0.075, 0.30));
    prices.put("gemini-1.5-pro", new Price(1.25, 5.00));
    return new PriceTable(prices);
  }

  /** This table with {@code modelPrefix} priced as given (a new price or a changed one). */
  public PriceTable withPrice(String modelPrefix, double inputPerMillion, double outputPerMillion) {
    if (modelPrefix == null || modelPrefix.isBlank()) {
      throw new IllegalArgumentException("a price needs a model id or prefix");
    }
    Map<String, Price> prices = new LinkedHashMap<>(byPrefix);
    prices.put(
        modelPrefix.strip().toLowerCase(Locale.ROOT), new Price(inputPerMillion, outputPerMillion));
    return new PriceTable(prices);
  }

  /**
   * The price of {@code model} on a provider of type {@code providerType} ({@code openai}, {@code
   * ollama}, ...): zero on a local server, else the longest matching prefix of the model id (a
   * vendor prefix such as OpenRouter's {@code openai/} or Gemini's {@code models/} left out); null
   * when the table has none.
   */
  public Price price(String providerType, String model) {
    String type = providerType == null ? "" : providerType.toLowerCase(Locale.ROOT);
    if (LOCAL_TYPES.contains(type)) {
      return new Price(0, 0);
    }
    Price listed = listed(model);
    if (listed == null && GENERIC_TYPE.equals(type)) {
      return new Price(0, 0);
    }
    return listed;
  }

  /** The cost of one call, or null when the model has no price. */
  public Double costUsd(
      String providerType, String model, Integer inputTokens, Integer outputTokens) {
    Price price = price(providerType, model);
    return price == null ? null : price.cost(inputTokens, outputTokens);
  }

  private Price listed(String model) {
    if (model == null) {
      return null;
    }
    String id = model.strip().toLowerCase(Locale.ROOT);
    id = id.substring(id.lastIndexOf('/') + 1);
    String best = null;
    for (String prefix : byPrefix.keySet()) {
      if (id.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? null : byPrefix.get(best);
  }
}
