package dev.argus.llm.client;

import java.util.Map;
import java.util.Objects;

/**
 * A provider account as the client needs it: plaintext credentials (the caller decrypts them) and
 * non-secret options such as Azure's {@code resource}, {@code deployment} and {@code api_version}.
 *
 * @param baseUrl where the provider answers, or null for the type's default
 * @param region informative only; kept for the caller's records
 * @param credentials secrets by field name, e.g. {@code api_key}
 * @param options non-secret settings by field name
 */
public record ProviderSpec(
    ProviderType type,
    String baseUrl,
    String region,
    Map<String, String> credentials,
    Map<String, String> options) {

  public ProviderSpec {
    Objects.requireNonNull(type, "type");
    credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A provider reached with one API key (null for none). */
  public static ProviderSpec of(ProviderType type, String baseUrl, String apiKey) {
    return new ProviderSpec(
        type, baseUrl, null, apiKey == null ? Map.of() : Map.of("api_key", apiKey), Map.of());
  }

  /** The API key, or null. */
  public String apiKey() {
    return blankToNull(credentials.get("api_key"));
  }

  /**
   * An option by name, looked for in {@code options} and then in {@code credentials}: clients of
   * the seed's system put everything into credentials.
   */
  public String option(String name) {
    String value = blankToNull(options.get(name));
    return value != null ? value : blankToNull(credentials.get(name));
  }

  /** The base URL given here or inside credentials (as the seed's clients send it), or null. */
  public String givenBaseUrl() {
    String value = blankToNull(baseUrl);
    return value != null ? value : option("base_url");
  }

  /** Without credentials, so it can be logged. */
  @Override
  public String toString() {
    return "ProviderSpec[type="
        + type.id()
        + ", baseUrl="
        + baseUrl
        + ", region="
        + region
        + ", credentials="
        + credentials.keySet()
        + ", options="
        + options
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
