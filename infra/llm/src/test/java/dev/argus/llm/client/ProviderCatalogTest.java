package dev.argus.llm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProviderCatalogTest {

  @Test
  void everyTypeIsListedWithItsProtocolAndDefaults() {
    Map<String, ProviderCatalog.Entry> catalog = ProviderCatalog.byType();

    assertThat(catalog.keySet())
        .containsExactlyInAnyOrder(
            "openai",
            "azure_openai",
            "anthropic",
            "ollama",
            "gemini",
            "vllm",
            "llamacpp",
            "lmstudio",
            "openrouter",
            "together",
            "groq",
            "mistral",
            "deepseek",
            "xai",
            "fireworks",
            "openai_compatible");
    assertThat(ProviderCatalog.total()).isEqualTo(16);
    assertThat(catalog.get("groq").protocol()).isEqualTo("openai");
    assertThat(catalog.get("groq").defaultBaseUrl()).isEqualTo("https://api.groq.com/openai");
    assertThat(catalog.get("openai_compatible").baseUrlRequired()).isTrue();
    assertThat(catalog.get("azure_openai").optionFields())
        .extracting(ProviderCatalog.Field::name)
        .containsExactly("resource", "deployment", "api_version");
    assertThat(catalog.get("azure_openai").regions()).contains("swedencentral");
    assertThat(catalog.get("ollama").credentialFields().get(0).required()).isFalse();
    assertThat(catalog.get("anthropic").credentialFields().get(0).required()).isTrue();
    assertThat(ProviderCatalog.testedCount()).isEqualTo(16);
  }

  @Test
  void itSerialisesWithTheApisFieldNames() {
    JsonNode json = Json.MAPPER.valueToTree(ProviderCatalog.byType());

    JsonNode azure = json.path("azure_openai");
    assertThat(azure.path("credential_fields").path(0).path("name").asString())
        .isEqualTo("api_key");
    assertThat(azure.path("option_fields").path(2).path("default").asString())
        .isEqualTo(ProviderCatalog.AZURE_DEFAULT_API_VERSION);
    assertThat(azure.path("default_base_url").isNull()).isTrue();
    assertThat(json.path("vllm").path("tested").asBoolean()).isTrue();
    assertThat(Json.MAPPER.valueToTree(PromptPacks.all()).path(0).path("expected_tokens").isInt())
        .isTrue();
  }

  @Test
  void thePromptPacksTheIssueNames() {
    assertThat(PromptPacks.ids())
        .contains("health_check", "short_answer", "long_answer", "reasoning");
    assertThat(PromptPacks.all())
        .allSatisfy(p -> assertThat(p.maxTokens()).isGreaterThanOrEqualTo(16));
    assertThat(PromptPacks.find("reasoning").orElseThrow().maxTokens()).isGreaterThan(256);
  }

  @Test
  void typesAreFoundByTheirIdsAndABadSpecSaysWhichField() {
    assertThat(ProviderType.fromId(" Azure_OpenAI ")).contains(ProviderType.AZURE_OPENAI);
    assertThat(ProviderType.fromId("bedrock")).isEmpty();
    assertThatThrownBy(
            () ->
                ProviderClients.create(
                    ProviderSpec.of(ProviderType.OPENAI_COMPATIBLE, null, "k"), Probes.HTTP))
        .hasMessageContaining("base_url is required");
    assertThatThrownBy(
            () ->
                ProviderClients.create(
                    ProviderSpec.of(ProviderType.OPENAI, null, null), Probes.HTTP))
        .hasMessageContaining("credentials.api_key");
    assertThatThrownBy(
            () ->
                ProviderClients.create(
                    ProviderSpec.of(ProviderType.VLLM, "ftp://host", null), Probes.HTTP))
        .hasMessageContaining("http:// or https://");
    assertThat(ProviderSpec.of(ProviderType.OPENAI, null, "sk-secret").toString())
        .doesNotContain("sk-secret");
  }

  @Test
  void aBaseUrlGivenInsideCredentialsIsUsed() {
    ProviderSpec spec =
        new ProviderSpec(
            ProviderType.OPENAI_COMPATIBLE,
            null,
            null,
            Map.of("api_key", "k", "base_url", "http://127.0.0.1:9"),
            Map.of());

    assertThat(spec.givenBaseUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(ProviderClients.create(spec, Probes.HTTP)).isNotNull();
  }
}
