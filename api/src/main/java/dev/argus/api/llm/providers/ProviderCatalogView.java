package dev.argus.api.llm.providers;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.llm.client.ProviderCatalog;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/providers/catalog}: every provider type the api accepts, keyed by its id, with
 * what a provider of the type needs.
 *
 * @param testedCount the types whose protocol Argus's tests drive end to end against a simulated
 *     provider
 */
@Schema(name = "ProviderCatalog")
record ProviderCatalogView(
    @JsonProperty("providers") Map<String, Entry> providers,
    @JsonProperty("total") int total,
    @JsonProperty("tested_count") int testedCount) {

  static ProviderCatalogView of(List<ProviderCatalog.Entry> entries) {
    Map<String, Entry> byType = new LinkedHashMap<>();
    entries.forEach(entry -> byType.put(entry.type(), Entry.of(entry)));
    int tested = (int) entries.stream().filter(ProviderCatalog.Entry::tested).count();
    return new ProviderCatalogView(byType, byType.size(), tested);
  }

  /** One provider type. */
  @Schema(name = "ProviderCatalogEntry")
  record Entry(
      @JsonProperty("type") String type,
      @JsonProperty("label") String label,
      @Schema(description = "Wire protocol: openai, azure_openai, anthropic, ollama or gemini")
          @JsonProperty("protocol")
          String protocol,
      @Schema(description = "The secrets of credentials") @JsonProperty("credential_fields")
          List<Field> credentialFields,
      @Schema(description = "The non-secret settings of options (Azure's)")
          @JsonProperty("option_fields")
          List<Field> optionFields,
      @Schema(nullable = true, description = "Used when base_url is null")
          @JsonProperty("default_base_url")
          String defaultBaseUrl,
      @JsonProperty("base_url_required") boolean baseUrlRequired,
      @Schema(description = "Region choices (informative); empty when the type has none")
          @JsonProperty("regions")
          List<String> regions,
      @JsonProperty("tested") boolean tested) {

    static Entry of(ProviderCatalog.Entry entry) {
      return new Entry(
          entry.type(),
          entry.label(),
          entry.protocol(),
          entry.credentialFields().stream().map(Field::of).toList(),
          entry.optionFields().stream().map(Field::of).toList(),
          entry.defaultBaseUrl(),
          entry.baseUrlRequired(),
          entry.regions(),
          entry.tested());
    }
  }

  /** A credential or option of a type. */
  @Schema(name = "ProviderCatalogField")
  record Field(
      @JsonProperty("name") String name,
      @JsonProperty("label") String label,
      @JsonProperty("required") boolean required,
      @JsonProperty("secret") boolean secret,
      @Schema(nullable = true, description = "What is used when it is not given")
          @JsonProperty("default")
          String defaultValue) {

    static Field of(ProviderCatalog.Field field) {
      return new Field(
          field.name(), field.label(), field.required(), field.secret(), field.defaultValue());
    }
  }
}
