package dev.argus.llm.client;

import java.util.Map;

/**
 * A model as the provider lists it.
 *
 * @param id the id to send in requests ({@code gpt-4.1}, {@code llama3:8b}, {@code
 *     gemini-2.5-flash} without Gemini's {@code models/} prefix, an Azure deployment name)
 * @param displayName the provider's display name, or the id
 * @param metadata what else the listing says (owner, creation time, token limits, size), by the
 *     provider's own field names
 */
public record DiscoveredModel(String id, String displayName, Map<String, Object> metadata) {

  public DiscoveredModel {
    displayName = displayName == null || displayName.isBlank() ? id : displayName;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
