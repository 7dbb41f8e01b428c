package dev.argus.llm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in checks against the real providers, each run only when its credentials are in the
 * environment (they cost a few tokens): {@code ARGUS_TEST_OPENAI_API_KEY}, {@code
 * ARGUS_TEST_ANTHROPIC_API_KEY}, {@code ARGUS_TEST_GEMINI_API_KEY}, {@code
 * ARGUS_TEST_AZURE_OPENAI_API_KEY} with {@code ..._RESOURCE} (or {@code ..._BASE_URL}) and {@code
 * ..._DEPLOYMENT}, {@code ARGUS_TEST_OLLAMA_BASE_URL}, and {@code
 * ARGUS_TEST_OPENAI_COMPATIBLE_TYPE} (e.g. {@code groq}) with {@code ..._API_KEY} and optionally
 * {@code ..._BASE_URL}. {@code ARGUS_TEST_<PROVIDER>_MODEL} picks the model; otherwise the
 * connection test chooses one from the provider's list.
 */
class RealProvidersTest {

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OPENAI_API_KEY", matches = ".+")
  void openAi() {
    check(ProviderSpec.of(ProviderType.OPENAI, null, env("ARGUS_TEST_OPENAI_API_KEY")), "OPENAI");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_ANTHROPIC_API_KEY", matches = ".+")
  void anthropic() {
    check(
        ProviderSpec.of(ProviderType.ANTHROPIC, null, env("ARGUS_TEST_ANTHROPIC_API_KEY")),
        "ANTHROPIC");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_GEMINI_API_KEY", matches = ".+")
  void gemini() {
    check(ProviderSpec.of(ProviderType.GEMINI, null, env("ARGUS_TEST_GEMINI_API_KEY")), "GEMINI");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_AZURE_OPENAI_API_KEY", matches = ".+")
  void azureOpenAi() {
    Map<String, String> options = new HashMap<>();
    putIfSet(options, "resource", "ARGUS_TEST_AZURE_OPENAI_RESOURCE");
    putIfSet(options, "deployment", "ARGUS_TEST_AZURE_OPENAI_DEPLOYMENT");
    putIfSet(options, "api_version", "ARGUS_TEST_AZURE_OPENAI_API_VERSION");
    check(
        new ProviderSpec(
            ProviderType.AZURE_OPENAI,
            env("ARGUS_TEST_AZURE_OPENAI_BASE_URL"),
            null,
            Map.of("api_key", env("ARGUS_TEST_AZURE_OPENAI_API_KEY")),
            options),
        "AZURE_OPENAI");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OLLAMA_BASE_URL", matches = ".+")
  void ollama() {
    check(ProviderSpec.of(ProviderType.OLLAMA, env("ARGUS_TEST_OLLAMA_BASE_URL"), null), "OLLAMA");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OPENAI_COMPATIBLE_TYPE", matches = ".+")
  void anOpenAiCompatibleProvider() {
    String typeId = env("ARGUS_TEST_OPENAI_COMPATIBLE_TYPE");
    ProviderType type =
        ProviderType.fromId(typeId)
            .orElseThrow(() -> new IllegalArgumentException("unknown provider type " + typeId));
    check(
        ProviderSpec.of(
            type,
            env("ARGUS_TEST_OPENAI_COMPATIBLE_BASE_URL"),
            env("ARGUS_TEST_OPENAI_COMPATIBLE_API_KEY")),
        "OPENAI_COMPATIBLE");
  }

  private static void check(ProviderSpec spec, String prefix) {
    ProviderClient client = ProviderClients.create(spec, Probes.HTTP);
    String preferred = env("ARGUS_TEST_" + prefix + "_MODEL");

    ConnectionTest test = client.test(preferred);

    assertThat(test.success()).as(test.message()).isTrue();
    assertThat((Integer) test.details().get("models_found")).isPositive();
    String model = (String) test.details().get("model_tested");
    ProbeMeasurement m =
        client.probe(ProbeRequest.of(model, PromptPacks.SHORT_ANSWER, Duration.ofSeconds(60)));
    assertThat(m.success()).as(m.error()).isTrue();
    assertThat(m.ttftMs()).isPositive().isLessThanOrEqualTo(m.latencyMs());
    assertThat(m.outputTokens()).isPositive();
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static void putIfSet(Map<String, String> map, String key, String variable) {
    String value = env(variable);
    if (value != null) {
      map.put(key, value);
    }
  }
}
