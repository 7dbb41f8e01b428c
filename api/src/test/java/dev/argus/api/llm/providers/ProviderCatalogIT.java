package dev.argus.api.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import dev.argus.llm.client.ProviderCatalog;
import dev.argus.llm.client.ProviderType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/providers/catalog}: every type of {@code infra/llm}, with what it needs. */
class ProviderCatalogIT extends LlmApiTest {

  @Test
  void everyTypeTheApiAcceptsIsInTheCatalogWithWhatItNeeds() {
    // When
    Response catalog = admin("GET", "/api/v1/providers/catalog", null);

    // Then
    assertThat(catalog.status()).isEqualTo(200);
    JsonNode body = catalog.json();
    JsonNode providers = body.path("providers");
    List<String> types = new ArrayList<>(providers.propertyNames());
    assertThat(types).containsExactlyElementsOf(ProviderType.ids());
    assertThat(body.path("total").asInt()).isEqualTo(types.size());
    assertThat(body.path("tested_count").asInt()).isEqualTo(ProviderCatalog.testedCount());

    JsonNode openai = providers.path("openai");
    assertThat(openai.path("label").asString()).isEqualTo("OpenAI");
    assertThat(openai.path("protocol").asString()).isEqualTo("openai");
    assertThat(openai.path("default_base_url").asString()).isEqualTo("https://api.openai.com");
    assertThat(openai.path("credential_fields").get(0).path("name").asString())
        .isEqualTo("api_key");
    assertThat(openai.path("credential_fields").get(0).path("required").asBoolean()).isTrue();
    assertThat(openai.path("credential_fields").get(0).path("secret").asBoolean()).isTrue();
    assertThat(
            providers.path("ollama").path("credential_fields").get(0).path("required").asBoolean())
        .isFalse();

    JsonNode azure = providers.path("azure_openai");
    assertThat(azure.path("default_base_url").isNull()).isTrue();
    List<String> options = new ArrayList<>();
    azure.path("option_fields").forEach(field -> options.add(field.path("name").asString()));
    assertThat(options).contains("resource", "deployment", "api_version");
    assertThat(azure.path("regions").size()).isPositive();
    assertThat(providers.path("openai_compatible").path("base_url_required").asBoolean()).isTrue();
  }

  @Test
  void theReadScopeSufficesAndAKeyIsNeeded() {
    String reader = newKey("\"read:models\"");
    assertThat(as(reader, "GET", "/api/v1/providers/catalog", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/providers/catalog").status()).isEqualTo(401);
  }
}
