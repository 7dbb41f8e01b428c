package dev.argus.api.llm;

import dev.argus.llm.client.PromptPack;
import dev.argus.llm.client.PromptPacks;
import dev.argus.llm.client.ProviderCatalog;
import dev.argus.llm.client.ProviderType;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The provider types and prompt packs the api accepts, read from {@code infra/llm} ({@link
 * ProviderCatalog}, {@link PromptPacks}): the clients that reach the providers and the api that
 * checks requests share one list, so a type the api accepts is always one a collector can probe.
 */
@Component
public class LlmCatalog {

  /** Every provider type id, in the catalog's order. */
  public List<String> providerTypes() {
    return ProviderType.ids();
  }

  /** Whether {@code type} is a type id exactly as the catalog spells it (lower case, no spaces). */
  public boolean isProviderType(String type) {
    return type != null && ProviderType.ids().contains(type);
  }

  /** Every type's entry, as {@code GET /api/v1/providers/catalog} shows it. */
  public List<ProviderCatalog.Entry> providerEntries() {
    return ProviderCatalog.entries();
  }

  /** The ids of every prompt pack. */
  public List<String> promptPacks() {
    return PromptPacks.ids();
  }

  public boolean isPromptPack(String id) {
    return PromptPacks.find(id).isPresent();
  }

  /** Every prompt pack with its prompt and token budgets. */
  public List<PromptPack> promptPackDetails() {
    return PromptPacks.all();
  }

  public Optional<PromptPack> promptPack(String id) {
    return PromptPacks.find(id);
  }
}
