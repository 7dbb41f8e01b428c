package dev.argus.api.system.settings;

import dev.argus.llm.client.ProviderType;
import dev.argus.llm.vision.VisionCapabilities;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Whether the models of a provider type can describe images: {@link VisionCapabilities#of}, the one
 * table of what each protocol carries, behind a function so the rule that uses it can be tested
 * with a table of its own.
 */
@Component
class VisionModels {

  private final Function<ProviderType, VisionCapabilities> capabilities;

  VisionModels() {
    this(VisionCapabilities::of);
  }

  VisionModels(Function<ProviderType, VisionCapabilities> capabilities) {
    this.capabilities = capabilities;
  }

  /**
   * Why a model of this provider type cannot be in the AI chain, or empty when it can.
   *
   * @param providerType as stored in {@code llm_providers.provider_type}
   */
  Optional<String> whyNot(String providerType) {
    Optional<ProviderType> type = ProviderType.fromId(providerType);
    if (type.isEmpty()) {
      return Optional.of("its provider type '" + providerType + "' is unknown");
    }
    if (!capabilities.apply(type.get()).vision()) {
      return Optional.of(
          "its provider type '" + providerType + "' cannot send images (not vision-capable)");
    }
    return Optional.empty();
  }
}
