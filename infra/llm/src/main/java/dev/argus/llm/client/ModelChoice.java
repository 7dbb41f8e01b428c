package dev.argus.llm.client;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which listed model a connection test tries. Listings mix chat models with embedding, speech and
 * image models that cannot answer a chat request, so those are passed over by their names; among
 * the rest a small, cheap one is preferred by its name, since a test costs the user money.
 */
final class ModelChoice {

  private static final List<String> NOT_CHAT =
      List.of(
          "embed",
          "tts",
          "whisper",
          "dall-e",
          "davinci",
          "babbage",
          "moderation",
          "image",
          "audio",
          "realtime",
          "transcribe",
          "search",
          "rerank",
          "guard",
          "aqa",
          "veo",
          "imagen",
          "lyria",
          "computer-use");

  private static final List<String> SMALL =
      List.of("nano", "mini", "haiku", "flash-lite", "flash", "small", "tiny", "fast");

  private ModelChoice() {}

  static DiscoveredModel pick(List<DiscoveredModel> models, String preferred) {
    if (preferred != null) {
      Optional<DiscoveredModel> match =
          models.stream().filter(m -> m.id().equals(preferred)).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
    }
    List<DiscoveredModel> chat = models.stream().filter(ModelChoice::chat).toList();
    List<DiscoveredModel> candidates = chat.isEmpty() ? models : chat;
    for (String hint : SMALL) {
      for (DiscoveredModel model : candidates) {
        if (model.id().toLowerCase(Locale.ROOT).contains(hint)) {
          return model;
        }
      }
    }
    return candidates.get(0);
  }

  private static boolean chat(DiscoveredModel model) {
    // Together and others say what a model is for; trust that over the name.
    if (model.metadata().get("type") instanceof String kind && !kind.isBlank()) {
      return kind.equals("chat") || kind.equals("language");
    }
    String id = model.id().toLowerCase(Locale.ROOT);
    return NOT_CHAT.stream().noneMatch(id::contains);
  }
}
