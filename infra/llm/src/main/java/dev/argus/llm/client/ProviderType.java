package dev.argus.llm.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of LLM endpoint Argus can watch, with what it needs to be reached. The default base
 * URLs are the providers' documented API roots; the {@code /v1} (or {@code /v1beta}) of the
 * protocol is added by the client unless the base URL already ends with it, so both {@code
 * https://api.openai.com} and {@code https://api.openai.com/v1} work.
 *
 * <p>The OpenAI-compatible types differ in two documented details only: whether the token budget is
 * sent as {@code max_completion_tokens} (OpenAI's name, which its reasoning models require) or the
 * older {@code max_tokens}, and whether {@code stream_options.include_usage} may be sent (Mistral
 * rejects unknown fields; it sends usage without being asked).
 */
public enum ProviderType {
  OPENAI("openai", "OpenAI", WireProtocol.OPENAI, "https://api.openai.com", true, true, true),
  AZURE_OPENAI("azure_openai", "Azure OpenAI", WireProtocol.AZURE_OPENAI, null, true, true, true),
  ANTHROPIC(
      "anthropic",
      "Anthropic",
      WireProtocol.ANTHROPIC,
      "https://api.anthropic.com",
      true,
      false,
      false),
  OLLAMA("ollama", "Ollama", WireProtocol.OLLAMA, "http://localhost:11434", false, false, false),
  GEMINI(
      "gemini",
      "Google Gemini",
      WireProtocol.GEMINI,
      "https://generativelanguage.googleapis.com",
      true,
      false,
      false),
  VLLM("vllm", "vLLM", WireProtocol.OPENAI, "http://localhost:8000", false, true, true),
  LLAMACPP(
      "llamacpp",
      "llama.cpp server",
      WireProtocol.OPENAI,
      "http://localhost:8080",
      false,
      false,
      true),
  LMSTUDIO(
      "lmstudio", "LM Studio", WireProtocol.OPENAI, "http://localhost:1234", false, false, true),
  OPENROUTER(
      "openrouter",
      "OpenRouter",
      WireProtocol.OPENAI,
      "https://openrouter.ai/api",
      true,
      false,
      true),
  TOGETHER(
      "together",
      "Together AI",
      WireProtocol.OPENAI,
      "https://api.together.xyz",
      true,
      false,
      true),
  GROQ("groq", "Groq", WireProtocol.OPENAI, "https://api.groq.com/openai", true, true, true),
  MISTRAL(
      "mistral", "Mistral AI", WireProtocol.OPENAI, "https://api.mistral.ai", true, false, false),
  DEEPSEEK(
      "deepseek", "DeepSeek", WireProtocol.OPENAI, "https://api.deepseek.com", true, false, true),
  XAI("xai", "xAI", WireProtocol.OPENAI, "https://api.x.ai", true, true, true),
  FIREWORKS(
      "fireworks",
      "Fireworks AI",
      WireProtocol.OPENAI,
      "https://api.fireworks.ai/inference",
      true,
      false,
      true),
  OPENAI_COMPATIBLE(
      "openai_compatible",
      "OpenAI-compatible server",
      WireProtocol.OPENAI,
      null,
      false,
      true,
      true);

  private final String id;
  private final String label;
  private final WireProtocol protocol;
  private final String defaultBaseUrl;
  private final boolean apiKeyRequired;
  private final boolean maxCompletionTokens;
  private final boolean streamOptions;

  ProviderType(
      String id,
      String label,
      WireProtocol protocol,
      String defaultBaseUrl,
      boolean apiKeyRequired,
      boolean maxCompletionTokens,
      boolean streamOptions) {
    this.id = id;
    this.label = label;
    this.protocol = protocol;
    this.defaultBaseUrl = defaultBaseUrl;
    this.apiKeyRequired = apiKeyRequired;
    this.maxCompletionTokens = maxCompletionTokens;
    this.streamOptions = streamOptions;
  }

  /** The type's name in the api ({@code provider_type}) and in readings. */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public WireProtocol protocol() {
    return protocol;
  }

  /**
   * Where the provider answers unless told otherwise; null when the user must say (Azure derives it
   * from the {@code resource} option, a generic OpenAI-compatible server has none).
   */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** Whether {@code credentials.api_key} must be given (local servers usually need none). */
  public boolean apiKeyRequired() {
    return apiKeyRequired;
  }

  /** OpenAI protocol only: the budget goes as {@code max_completion_tokens}, else max_tokens. */
  public boolean sendsMaxCompletionTokens() {
    return maxCompletionTokens;
  }

  /** OpenAI protocol only: whether {@code stream_options.include_usage} is sent. */
  boolean sendsStreamOptions() {
    return streamOptions;
  }

  /** The type named {@code id} ({@code "openai"}, {@code "azure_openai"}, ...), if any. */
  public static Optional<ProviderType> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
  }

  /** Every type's id, for an error message that says what is accepted. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ProviderType::id).toList();
  }
}
