package dev.argus.api.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.llm.LlmCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ProviderRulesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void settingsSentInsideCredentialsMoveOutUnlessTheBodyNamesThemItself() {
    // Given
    ObjectNode body =
        (ObjectNode)
            JSON.readTree(
                "{\"region\": \"us\", \"credentials\": {\"api_key\": \"k\", \"base_url\":"
                    + " \"http://h\", \"region\": \"eu\", \"deployment\": \"d\"}}");

    // When
    ProviderRules.moveNonSecrets(body);

    // Then
    assertThat(body.toString())
        .isEqualTo(
            "{\"region\":\"us\",\"credentials\":{\"api_key\":\"k\"},\"base_url\":\"http://h\","
                + "\"options\":{\"deployment\":\"d\"}}");
  }

  @Test
  void anOriginIsSchemeHostAndPort() {
    assertThat(ProviderRules.sameOrigin("http://h:80/v1", "http://H/other")).isTrue();
    assertThat(ProviderRules.sameOrigin("https://h", "https://h:443/v1")).isTrue();
    assertThat(ProviderRules.sameOrigin("http://h", "https://h")).isFalse();
    assertThat(ProviderRules.sameOrigin("http://h:8000", "http://h:8001")).isFalse();
    assertThat(ProviderRules.sameOrigin(null, "http://h")).isFalse();
    assertThat(ProviderRules.sameOrigin(null, null)).isTrue();
  }

  @Test
  void theBaseUrlIsStoredWithoutATrailingSlash() {
    assertThat(ProviderRules.normalisedBaseUrl(" http://h:11434/ ")).isEqualTo("http://h:11434");
    assertThat(ProviderRules.normalisedBaseUrl("  ")).isNull();
  }

  @Test
  void everyProblemIsNamed() {
    ProviderRequest request =
        new ProviderRequest(
            "nope", " ", null, "http://0.0.0.0/", "r".repeat(101), null, Map.of("1bad", "x"));

    assertThat(ProviderRules.problems(request, new LlmCatalog()))
        .hasSize(5)
        .anySatisfy(p -> assertThat(p).startsWith("provider_type must be one of openai,"))
        .anySatisfy(p -> assertThat(p).isEqualTo("display_name is required"))
        .anySatisfy(p -> assertThat(p).startsWith("base_url: 0.0.0.0"))
        .anySatisfy(p -> assertThat(p).isEqualTo("region must be at most 100 characters"))
        .anySatisfy(p -> assertThat(p).startsWith("options names must start with a letter"));
    assertThat(ProviderRules.credentialProblems(Map.of("api_key", " ")))
        .containsExactly("credentials.api_key must not be blank (null removes it)");
  }
}
