package dev.argus.llm.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the api serves as {@code GET /api/v1/providers/catalog}: per provider type, its label, wire
 * protocol, the secrets and the options it takes, its default base URL and region choices, and
 * whether Argus's tests exercise its protocol against a simulated provider.
 */
public final class ProviderCatalog {

  /** The Azure API version sent when the provider sets none: GA, with streamed usage. */
  public static final String AZURE_DEFAULT_API_VERSION = "2024-10-21";

  /**
   * Protocols the tests of this module drive end to end against {@code SimulatedProviderServer}.
   * The OpenAI-compatible types share the OpenAI protocol's tests; their per-type details (the
   * token budget's name, whether {@code stream_options} is sent) follow the providers' documents.
   */
  private static final List<WireProtocol> TESTED_PROTOCOLS = List.of(WireProtocol.values());

  private static final Field API_KEY = new Field("api_key", "API key", true, true, null);
  private static final Field OPTIONAL_API_KEY =
      new Field("api_key", "API key (if the server requires one)", false, true, null);

  private ProviderCatalog() {}

  /**
   * One credential or option a provider type takes.
   *
   * @param secret true for credentials (stored encrypted, never returned), false for options
   * @param defaultValue what is used when it is not given, or null
   */
  public record Field(
      @JsonProperty("name") String name,
      @JsonProperty("label") String label,
      @JsonProperty("required") boolean required,
      @JsonProperty("secret") boolean secret,
      @JsonProperty("default") String defaultValue) {}

  /** One provider type as the catalog shows it. */
  public record Entry(
      @JsonProperty("type") String type,
      @JsonProperty("label") String label,
      @JsonProperty("protocol") String protocol,
      @JsonProperty("credential_fields") List<Field> credentialFields,
      @JsonProperty("option_fields") List<Field> optionFields,
      @JsonProperty("default_base_url") String defaultBaseUrl,
      @JsonProperty("base_url_required") boolean baseUrlRequired,
      @JsonProperty("regions") List<String> regions,
      @JsonProperty("tested") boolean tested) {}

  /** Every type, in {@link ProviderType} order. */
  public static List<Entry> entries() {
    return Arrays.stream(ProviderType.values()).map(ProviderCatalog::entry).toList();
  }

  /** The catalog keyed by type id, as the api's {@code providers} map. */
  public static Map<String, Entry> byType() {
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Entry entry : entries()) {
      map.put(entry.type(), entry);
    }
    return map;
  }

  public static int total() {
    return ProviderType.values().length;
  }

  public static int testedCount() {
    return (int) entries().stream().filter(Entry::tested).count();
  }

  public static Entry entry(ProviderType type) {
    return new Entry(
        type.id(),
        type.label(),
        type.protocol().id(),
        List.of(type.apiKeyRequired() ? API_KEY : OPTIONAL_API_KEY),
        options(type),
        type.defaultBaseUrl(),
        type.defaultBaseUrl() == null && type != ProviderType.AZURE_OPENAI,
        regions(type),
        TESTED_PROTOCOLS.contains(type.protocol()));
  }

  private static List<Field> options(ProviderType type) {
    if (type != ProviderType.AZURE_OPENAI) {
      return List.of();
    }
    return List.of(
        new Field(
            "resource",
            "Resource name (https://{resource}.openai.azure.com; or give base_url instead)",
            false,
            false,
            null),
        new Field(
            "deployment",
            "Deployment name(s), comma-separated: Azure's model list is its deployments",
            true,
            false,
            null),
        new Field("api_version", "API version", false, false, AZURE_DEFAULT_API_VERSION));
  }

  /**
   * Azure's regions are informative only: the resource's host name decides where requests go. The
   * other types have one global endpoint (or a local one).
   */
  private static List<String> regions(ProviderType type) {
    if (type != ProviderType.AZURE_OPENAI) {
      return List.of();
    }
    return List.of(
        "eastus",
        "eastus2",
        "westus",
        "westus3",
        "northcentralus",
        "southcentralus",
        "canadaeast",
        "westeurope",
        "swedencentral",
        "francecentral",
        "uksouth",
        "switzerlandnorth",
        "japaneast",
        "australiaeast");
  }
}
