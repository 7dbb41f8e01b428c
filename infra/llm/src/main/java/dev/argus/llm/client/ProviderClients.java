package dev.argus.llm.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** Makes the {@link ProviderClient} of a provider account. */
public final class ProviderClients {

  /**
   * Limits of the calls that are not probes (a probe brings its own timeout and budget).
   *
   * @param listTimeout each model-list page
   * @param testTimeout the connection test's probe
   * @param testMaxTokens the connection test's token budget (at least 16)
   * @param maxModelPages the most pages a model listing reads before it gives up
   */
  public record Settings(
      Duration listTimeout, Duration testTimeout, int testMaxTokens, int maxModelPages) {

    public static final Settings DEFAULTS =
        new Settings(Duration.ofSeconds(30), Duration.ofSeconds(30), 16, 1000);

    public Settings {
      if (listTimeout.isNegative() || listTimeout.isZero()) {
        throw new IllegalArgumentException("listTimeout must be positive, was " + listTimeout);
      }
      if (testTimeout.isNegative() || testTimeout.isZero()) {
        throw new IllegalArgumentException("testTimeout must be positive, was " + testTimeout);
      }
      if (maxModelPages < 1) {
        throw new IllegalArgumentException(
            "maxModelPages must be at least 1, was " + maxModelPages);
      }
      testMaxTokens = Math.max(ProbeRequest.MIN_MAX_TOKENS, testMaxTokens);
    }
  }

  private ProviderClients() {}

  /**
   * An HTTP client fit for probing: redirects not followed (a redirect's target would escape the
   * address guard), HTTP/1.1 (what most LLM servers stream best; no h2 upgrade surprises), its
   * handlers on virtual threads. Share one per process: a client owns a selector thread and a
   * connection pool.
   */
  public static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  /** The client of {@code spec} with {@link Settings#DEFAULTS}. */
  public static ProviderClient create(ProviderSpec spec, HttpClient http) {
    return create(spec, http, Settings.DEFAULTS);
  }

  /**
   * The client of {@code spec}. Nothing is connected to yet.
   *
   * @throws IllegalArgumentException when the spec cannot work, naming the field ({@code base_url},
   *     {@code credentials.api_key}, {@code options.resource}) and what to give
   */
  public static ProviderClient create(ProviderSpec spec, HttpClient http, Settings settings) {
    ProviderType type = spec.type();
    if (type.apiKeyRequired() && spec.apiKey() == null) {
      throw new IllegalArgumentException(
          "credentials.api_key is required for provider type " + type.id());
    }
    return switch (type.protocol()) {
      case OPENAI -> new OpenAiClient(spec, base(spec), http, settings);
      case AZURE_OPENAI -> new OpenAiClient(spec, azureBase(spec), http, settings);
      case ANTHROPIC -> new AnthropicClient(spec, base(spec), http, settings);
      case OLLAMA -> new OllamaClient(spec, base(spec), http, settings);
      case GEMINI -> new GeminiClient(spec, base(spec), http, settings);
    };
  }

  private static String base(ProviderSpec spec) {
    String given = spec.givenBaseUrl();
    return Endpoints.base(given != null ? given : spec.type().defaultBaseUrl(), spec.type());
  }

  private static String azureBase(ProviderSpec spec) {
    String given = spec.givenBaseUrl();
    if (given != null) {
      return Endpoints.base(given, spec.type());
    }
    String resource = spec.option("resource");
    if (resource == null) {
      throw new IllegalArgumentException(
          "options.resource (the Azure OpenAI resource name) or base_url is required for"
              + " provider type azure_openai");
    }
    if (!resource.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException(
          "options.resource '"
              + resource
              + "' must be an Azure resource name (letters, digits and hyphens)");
    }
    return "https://" + resource + ".openai.azure.com";
  }
}
