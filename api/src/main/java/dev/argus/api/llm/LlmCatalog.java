package dev.argus.api.llm;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The provider types and prompt packs the api accepts: the one place requests are checked against,
 * so that both lists can come from {@code infra/llm} ({@code ProviderCatalog}, {@code PromptPacks})
 * once the collectors' provider clients are part of the build, without touching the features that
 * validate against them.
 */
@Component
public class LlmCatalog {

  private static final List<String> PROVIDER_TYPES =
      List.of(
          "openai",
          "vllm",
          "llamacpp",
          "lmstudio",
          "openrouter",
          "together",
          "groq",
          "mistral",
          "deepseek",
          "xai",
          "fireworks",
          "openai_compatible",
          "azure_openai",
          "anthropic",
          "ollama",
          "gemini");

  private static final List<String> PROMPT_PACKS =
      List.of("health_check", "short_answer", "long_answer", "reasoning");

  /** Every provider type, in the catalog's order. */
  public List<String> providerTypes() {
    return PROVIDER_TYPES;
  }

  public boolean isProviderType(String type) {
    return PROVIDER_TYPES.contains(type);
  }

  /** The ids of every prompt pack. */
  public List<String> promptPacks() {
    return PROMPT_PACKS;
  }

  public boolean isPromptPack(String id) {
    return PROMPT_PACKS.contains(id);
  }
}
