package dev.argus.api.llm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import dev.argus.llm.client.PromptPack;
import dev.argus.llm.client.PromptPacks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/monitoring/prompt-packs}: the packs the probes send, as {@code infra/llm}. */
class PromptPacksIT extends LlmApiTest {

  @Test
  void everyPackOfTheClientsIsListedWithItsPromptAndBudget() {
    // When
    Response packs = admin("GET", "/api/v1/monitoring/prompt-packs", null);

    // Then
    assertThat(packs.status()).isEqualTo(200);
    List<PromptPack> listed = new ArrayList<>();
    for (JsonNode pack : packs.json()) {
      listed.add(
          new PromptPack(
              pack.path("id").asString(),
              pack.path("name").asString(),
              pack.path("prompt").asString(),
              pack.path("expected_tokens").asInt(),
              pack.path("max_tokens").asInt()));
    }
    assertThat(listed).isEqualTo(PromptPacks.all());
    assertThat(listed)
        .extracting(PromptPack::id)
        .contains("health_check", "short_answer", "long_answer", "reasoning");
    assertThat(listed).allSatisfy(pack -> assertThat(pack.prompt()).isNotBlank());
  }

  @Test
  void theReadScopeSuffices() {
    String reader = newKey("\"read:models\"");
    assertThat(as(reader, "GET", "/api/v1/monitoring/prompt-packs", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/monitoring/prompt-packs").status()).isEqualTo(401);
  }
}
