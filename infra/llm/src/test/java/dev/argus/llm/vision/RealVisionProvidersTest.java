package dev.argus.llm.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: one vision call per real provider (it costs a few hundred tokens), run only when the
 * credentials of {@code RealProvidersTest} are in the environment. The model is {@code
 * ARGUS_TEST_<PROVIDER>_VISION_MODEL}, else a small vision model of the provider (gpt-4o-mini,
 * claude-haiku-4-5, gemini-2.5-flash); Azure uses {@code ARGUS_TEST_AZURE_OPENAI_DEPLOYMENT},
 * Ollama and an OpenAI-compatible server need {@code ..._VISION_MODEL} (e.g. {@code gemma3}).
 */
class RealVisionProvidersTest {

  private static final ChainSettings REAL =
      new ChainSettings(
          Duration.ofSeconds(60), 1, Duration.ofSeconds(2), 50f, 4, Duration.ofSeconds(60));

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OPENAI_API_KEY", matches = ".+")
  void openAi() {
    describe(
        ProviderSpec.of(ProviderType.OPENAI, null, env("ARGUS_TEST_OPENAI_API_KEY")),
        model("OPENAI", "gpt-4o-mini"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_ANTHROPIC_API_KEY", matches = ".+")
  void anthropic() {
    describe(
        ProviderSpec.of(ProviderType.ANTHROPIC, null, env("ARGUS_TEST_ANTHROPIC_API_KEY")),
        model("ANTHROPIC", "claude-haiku-4-5"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_GEMINI_API_KEY", matches = ".+")
  void gemini() {
    describe(
        ProviderSpec.of(ProviderType.GEMINI, null, env("ARGUS_TEST_GEMINI_API_KEY")),
        model("GEMINI", "gemini-2.5-flash"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_AZURE_OPENAI_API_KEY", matches = ".+")
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_AZURE_OPENAI_DEPLOYMENT", matches = ".+")
  void azureOpenAi() {
    Map<String, String> options = new HashMap<>();
    if (env("ARGUS_TEST_AZURE_OPENAI_RESOURCE") != null) {
      options.put("resource", env("ARGUS_TEST_AZURE_OPENAI_RESOURCE"));
    }
    if (env("ARGUS_TEST_AZURE_OPENAI_API_VERSION") != null) {
      options.put("api_version", env("ARGUS_TEST_AZURE_OPENAI_API_VERSION"));
    }
    describe(
        new ProviderSpec(
            ProviderType.AZURE_OPENAI,
            env("ARGUS_TEST_AZURE_OPENAI_BASE_URL"),
            null,
            Map.of("api_key", env("ARGUS_TEST_AZURE_OPENAI_API_KEY")),
            options),
        env("ARGUS_TEST_AZURE_OPENAI_DEPLOYMENT").split(",")[0].strip());
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OLLAMA_BASE_URL", matches = ".+")
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OLLAMA_VISION_MODEL", matches = ".+")
  void ollama() {
    describe(
        ProviderSpec.of(ProviderType.OLLAMA, env("ARGUS_TEST_OLLAMA_BASE_URL"), null),
        env("ARGUS_TEST_OLLAMA_VISION_MODEL"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OPENAI_COMPATIBLE_TYPE", matches = ".+")
  @EnabledIfEnvironmentVariable(named = "ARGUS_TEST_OPENAI_COMPATIBLE_VISION_MODEL", matches = ".+")
  void anOpenAiCompatibleProvider() {
    ProviderType type = ProviderType.fromId(env("ARGUS_TEST_OPENAI_COMPATIBLE_TYPE")).orElseThrow();
    describe(
        ProviderSpec.of(
            type,
            env("ARGUS_TEST_OPENAI_COMPATIBLE_BASE_URL"),
            env("ARGUS_TEST_OPENAI_COMPATIBLE_API_KEY")),
        env("ARGUS_TEST_OPENAI_COMPATIBLE_VISION_MODEL"));
  }

  private static void describe(ProviderSpec spec, String model) {
    Fixtures.MemoryLedger ledger = new Fixtures.MemoryLedger();
    DescriptionChain chain =
        new DescriptionChain(REAL, PriceTable.defaults(), ledger, Fixtures.HTTP);

    ChainOutcome outcome =
        chain.describe(
            List.of(new VisionTarget("real", spec.type().id(), spec, model)),
            Fixtures.boxAppearsOnTheRight());

    assertThat(outcome.outcome())
        .as(String.join("\n", outcome.attempts()))
        .isEqualTo(ChainOutcome.Outcome.DESCRIBED);
    VisionAnswer answer = outcome.answer();
    assertThat(answer.description()).isNotBlank().doesNotStartWith("{");
    assertThat(AnswerReader.DETECTION_TYPES).contains(answer.detectionType());
    assertThat(answer.inputTokens()).isPositive();
    assertThat(answer.outputTokens()).isPositive();
    assertThat(ledger.calls).isNotEmpty();
  }

  private static String model(String provider, String fallback) {
    String given = env("ARGUS_TEST_" + provider + "_VISION_MODEL");
    return given != null ? given : fallback;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value;
  }
}
