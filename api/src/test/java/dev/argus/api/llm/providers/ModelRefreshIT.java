package dev.argus.api.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/providers/{id}/refresh-models} against simulated Anthropic servers whose
 * model lists come one model per page: every page is read, new models are added (discovered,
 * monitoring off) and queued for {@code argus.config}, known ones keep their settings.
 */
class ModelRefreshIT extends LlmApiTest {

  private static final String KEY = "sk-ant-refresh-key";
  private final List<SimulatedProviderServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(SimulatedProviderServer::close);
  }

  @Test
  void aSecondRefreshAddsOnlyTheNewModelsAndKeepsTheSettingsOfTheKnownOnes() throws IOException {
    // Given: a provider listing two models, one per page
    SimulatedProviderServer first = anthropic("claude-sim-a", "claude-sim-b");
    String id = provider(anthropicProvider(first.baseUrl()));

    // When
    Response refreshed = admin("POST", "/api/v1/providers/" + id + "/refresh-models", null);

    // Then
    assertThat(refreshed.status()).isEqualTo(200);
    JsonNode answer = refreshed.json();
    assertThat(answer.path("success").asBoolean()).as(refreshed.body()).isTrue();
    assertThat(answer.path("models_discovered").asInt()).isEqualTo(2);
    assertThat(answer.path("models_added").asInt()).isEqualTo(2);
    JsonNode listed = admin("GET", "/api/v1/models?provider_id=" + id, null).json();
    assertThat(listed.path("total").asInt()).isEqualTo(2);
    for (JsonNode model : listed.path("items")) {
      assertThat(model.path("source").asString()).isEqualTo("discovered");
      assertThat(model.path("enabled_for_monitoring").asBoolean()).isFalse();
    }
    String modelA = modelId(listed, "claude-sim-a");
    assertThat(queuedModels()).isEqualTo(2);

    // Given: the user's settings of one model, and a provider that now lists a third
    Response customised =
        admin(
            "PATCH",
            "/api/v1/models/" + modelA,
            "{\"custom_name\": \"Mine\", \"enabled_for_monitoring\": true,"
                + " \"enabled_for_benchmark\": false, \"ttft_threshold_ms\": 1234}");
    assertThat(customised.status()).as(customised.body()).isEqualTo(200);
    SimulatedProviderServer second = anthropic("claude-sim-a", "claude-sim-b", "claude-sim-c");
    Response moved =
        admin(
            "PATCH",
            "/api/v1/providers/" + id,
            "{\"base_url\": \""
                + second.baseUrl()
                + "\", \"credentials\": {\"api_key\": \""
                + KEY
                + "\"}}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);

    // When
    Response again = admin("POST", "/api/v1/providers/" + id + "/refresh-models", null);

    // Then
    assertThat(again.json().path("success").asBoolean()).as(again.body()).isTrue();
    assertThat(again.json().path("models_discovered").asInt()).isEqualTo(3);
    assertThat(again.json().path("models_added").asInt()).isEqualTo(1);
    JsonNode now = admin("GET", "/api/v1/models?provider_id=" + id, null).json();
    assertThat(now.path("total").asInt()).isEqualTo(3);
    JsonNode kept = admin("GET", "/api/v1/models/" + modelA, null).json();
    assertThat(kept.path("custom_name").asString()).isEqualTo("Mine");
    assertThat(kept.path("enabled_for_monitoring").asBoolean()).isTrue();
    assertThat(kept.path("enabled_for_benchmark").asBoolean()).isFalse();
    assertThat(kept.path("ttft_threshold_ms").asInt()).isEqualTo(1234);
    String modelC = modelId(now, "claude-sim-c");
    assertThat(
            count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'llm-model/" + modelC + "'"))
        .isEqualTo(1);
    // two discovered, one PATCH, one discovered
    assertThat(queuedModels()).isEqualTo(4);
  }

  @Test
  void aProviderFailureIsAFailedRefreshThatAddsNothing() throws IOException {
    // Given
    SimulatedProviderServer server = anthropic("claude-sim-a");
    String id =
        provider(
            "{\"provider_type\": \"anthropic\", \"display_name\": \"Claude\", \"base_url\": \""
                + server.baseUrl()
                + "\", \"credentials\": {\"api_key\": \"sk-ant-wrong\"}}");

    // When
    Response refreshed = admin("POST", "/api/v1/providers/" + id + "/refresh-models", null);

    // Then
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.json().path("success").asBoolean()).isFalse();
    assertThat(refreshed.json().path("models_discovered").asInt()).isZero();
    assertThat(refreshed.json().path("message").asString())
        .startsWith("Could not list the models: HTTP 401")
        .contains("invalid x-api-key (simulated)");
    assertThat(count("SELECT count(*) FROM llm_models")).isZero();
    assertThat(queuedModels()).isZero();
  }

  @Test
  void anUnknownProviderIs404AndAReaderMayNotRefresh() {
    assertThat(
            admin("POST", "/api/v1/providers/" + UUID.randomUUID() + "/refresh-models", null)
                .status())
        .isEqualTo(404);
    String id = ollama("Local");
    String reader = newKey("\"read:models\"");
    assertThat(as(reader, "POST", "/api/v1/providers/" + id + "/refresh-models", null).status())
        .isEqualTo(403);
  }

  private long queuedModels() {
    return count("SELECT count(*) FROM config_outbox WHERE record_key LIKE 'llm-model/%'");
  }

  private static String modelId(JsonNode list, String modelId) {
    for (JsonNode model : list.path("items")) {
      if (model.path("model_id").asString().equals(modelId)) {
        return model.path("id").asString();
      }
    }
    throw new AssertionError("no model " + modelId + " in " + list);
  }

  private SimulatedProviderServer anthropic(String... models) throws IOException {
    SimulatedProviderServer.Builder builder =
        SimulatedProviderServer.builder(WireProtocol.ANTHROPIC).apiKey(KEY).pageSize(1);
    for (String model : models) {
      builder.model(model, ModelBehaviour.defaults());
    }
    SimulatedProviderServer server = builder.start();
    servers.add(server);
    return server;
  }

  private static String anthropicProvider(String baseUrl) {
    return "{\"provider_type\": \"anthropic\", \"display_name\": \"Claude\", \"base_url\": \""
        + baseUrl
        + "\", \"credentials\": {\"api_key\": \""
        + KEY
        + "\"}}";
  }
}
