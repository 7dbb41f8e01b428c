package dev.argus.api.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.LlmApiTest;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/providers/test-connection} and {@code /{id}/test} against real providers on
 * loopback: the simulated OpenAI-compatible, Anthropic (model list paged one by one) and Ollama
 * servers of {@code infra/llm}, a port nobody listens on and a server that accepts connections but
 * never answers. The test's list and probe timeouts are 5 s here (test application.properties).
 */
class ProviderConnectionIT extends LlmApiTest {

  private static final String KEY = "sk-sim-right-key";
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  @Test
  void anOpenAiCompatibleServerIsListedAndOneOfItsModelsProbed() throws IOException {
    // Given
    SimulatedProviderServer server = simulator(WireProtocol.OPENAI, 2, "sim-chat-a", "sim-chat-b");

    // When
    Response tested =
        admin("POST", "/api/v1/providers/test-connection", body("openai_compatible", server, KEY));

    // Then
    assertThat(tested.status()).as(tested.body()).isEqualTo(200);
    JsonNode answer = tested.json();
    assertThat(answer.path("success").asBoolean()).as(tested.body()).isTrue();
    assertThat(answer.path("message").asString()).startsWith("Connected: 2 models listed");
    JsonNode details = answer.path("details");
    assertThat(details.path("models_found").asInt()).isEqualTo(2);
    assertThat(details.path("model_tested").asString()).isIn("sim-chat-a", "sim-chat-b");
    assertThat(details.path("latency_ms").asDouble()).isPositive();
    assertThat(details.path("http_status").asInt()).isEqualTo(200);
    assertThat(server.requests(details.path("model_tested").asString())).isEqualTo(1);
    assertThat(tested.body()).doesNotContain(KEY);
    assertThat(count("SELECT count(*) FROM llm_providers")).isZero();
    assertThat(count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void everyPageOfAnAnthropicModelListIsRead() throws IOException {
    // Given: one model per page
    SimulatedProviderServer server =
        simulator(WireProtocol.ANTHROPIC, 1, "claude-sim-1", "claude-sim-2", "claude-sim-3");

    // When
    Response tested =
        admin("POST", "/api/v1/providers/test-connection", body("anthropic", server, KEY));

    // Then
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.json().path("success").asBoolean()).as(tested.body()).isTrue();
    assertThat(tested.json().path("details").path("models_found").asInt()).isEqualTo(3);
  }

  @Test
  void anOllamaServerWithoutAKeyIsTested() throws IOException {
    // Given
    SimulatedProviderServer server =
        track(
            SimulatedProviderServer.builder(WireProtocol.OLLAMA)
                .model("llama3:8b", ModelBehaviour.defaults())
                .start());

    // When
    Response tested =
        admin(
            "POST",
            "/api/v1/providers/test-connection",
            "{\"provider_type\": \"ollama\", \"display_name\": \"Local\", \"base_url\": \""
                + server.baseUrl()
                + "\"}");

    // Then
    assertThat(tested.json().path("success").asBoolean()).as(tested.body()).isTrue();
    assertThat(tested.json().path("details").path("model_tested").asString())
        .isEqualTo("llama3:8b");
  }

  @Test
  void aWrongKeyIsAFailedTestWithTheProvidersOwnWords() throws IOException {
    // Given
    SimulatedProviderServer server = simulator(WireProtocol.OPENAI, 2, "sim-chat");

    // When
    Response tested =
        admin(
            "POST",
            "/api/v1/providers/test-connection",
            body("openai_compatible", server, "sk-wrong"));

    // Then
    assertThat(tested.status()).isEqualTo(200);
    JsonNode answer = tested.json();
    assertThat(answer.path("success").asBoolean()).isFalse();
    assertThat(answer.path("message").asString())
        .contains("HTTP 401")
        .contains("Incorrect API key provided (simulated)");
    assertThat(answer.path("details").path("http_status").asInt()).isEqualTo(401);
    assertThat(answer.path("details").path("models_found").asInt()).isZero();
  }

  @Test
  void aRefusedConnectionIsAFailedTest() throws IOException {
    // Given: a port that was free a moment ago, nobody listening
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    // When
    Response tested =
        admin(
            "POST",
            "/api/v1/providers/test-connection",
            "{\"provider_type\": \"vllm\", \"display_name\": \"vLLM\","
                + " \"base_url\": \"http://127.0.0.1:"
                + port
                + "\"}");

    // Then
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.json().path("success").asBoolean()).isFalse();
    assertThat(tested.json().path("message").asString())
        .startsWith("Could not list the models: cannot connect to 127.0.0.1:" + port);
  }

  @Test
  void aServerThatNeverAnswersIsAFailedTestAfterTheListTimeout() throws Exception {
    // Given: connections are accepted, nothing is ever sent back
    ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    Thread acceptor =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!silent.isClosed()) {
                    try {
                      accepted.add(silent.accept());
                    } catch (IOException closed) {
                      return;
                    }
                  }
                });
    track(silent);

    // When
    Response tested =
        admin(
            "POST",
            "/api/v1/providers/test-connection",
            "{\"provider_type\": \"llamacpp\", \"display_name\": \"silent\","
                + " \"base_url\": \"http://127.0.0.1:"
                + silent.getLocalPort()
                + "\"}");

    // Then: answered (ApiHttp gives up after 30 s), with the api's list timeout
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.json().path("success").asBoolean()).isFalse();
    assertThat(tested.json().path("message").asString()).contains("no answer within 5000 ms");
    assertThat(accepted).isNotEmpty();
    for (Socket socket : accepted) {
      socket.close();
    }
    acceptor.join(java.time.Duration.ofSeconds(5));
  }

  @Test
  void aMalformedBodyIs422AsOnCreateAndNothingIsCalled() throws IOException {
    SimulatedProviderServer server = simulator(WireProtocol.OPENAI, 2, "sim-chat");
    assertUnprocessable(
        "{\"provider_type\": \"openia\", \"display_name\": \"x\"}", "provider_type must be one of");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\","
            + " \"base_url\": \"http://169.254.169.254/latest\"}",
        "base_url: 169.254.169.254");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\", \"base_url\": \""
            + server.baseUrl()
            + "\"}",
        "credentials.api_key is required for provider type openai");
    assertUnprocessable(
        "{\"provider_type\": \"openai\", \"display_name\": \"x\", \"credentials\":"
            + " {\"api_key\": \"****\"}}",
        "credentials.api_key is the mask ****, but no api_key is stored");
    assertThat(server.requests("sim-chat")).isZero();
  }

  @Test
  void aSavedProviderIsTestedWithItsStoredKeyPreferringAMonitoredModel() throws IOException {
    // Given
    SimulatedProviderServer server =
        simulator(WireProtocol.ANTHROPIC, 2, "claude-sim-a", "claude-sim-b", "claude-sim-c");
    String id = provider(body("anthropic", server, KEY));
    String monitored = model(id, "claude-sim-c");
    admin("PATCH", "/api/v1/models/" + monitored, "{\"enabled_for_monitoring\": true}");

    // When
    Response tested = admin("POST", "/api/v1/providers/" + id + "/test", null);

    // Then
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.json().path("success").asBoolean()).as(tested.body()).isTrue();
    assertThat(tested.json().path("details").path("models_found").asInt()).isEqualTo(3);
    assertThat(tested.json().path("details").path("model_tested").asString())
        .isEqualTo("claude-sim-c");
    assertThat(tested.body()).doesNotContain(KEY);
  }

  @Test
  void aSavedProviderWithAWrongKeyFailsAndAnUnknownOneIs404() throws IOException {
    // Given
    SimulatedProviderServer server = simulator(WireProtocol.ANTHROPIC, 2, "claude-sim");
    String id = provider(body("anthropic", server, "sk-ant-wrong"));

    // When
    Response tested = admin("POST", "/api/v1/providers/" + id + "/test", null);

    // Then
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.json().path("success").asBoolean()).isFalse();
    assertThat(tested.json().path("message").asString())
        .contains("HTTP 401")
        .contains("invalid x-api-key (simulated)");
    assertThat(tested.body()).doesNotContain("sk-ant-wrong");
    assertThat(admin("POST", "/api/v1/providers/" + UUID.randomUUID() + "/test", null).status())
        .isEqualTo(404);
  }

  @Test
  void aServerAnsweringGarbageIsAFailedTest() throws IOException {
    // Given: a web server that is no LLM provider
    HttpServer garbage =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    garbage.createContext(
        "/",
        exchange -> {
          byte[] page = "<html>It works!</html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    garbage.start();
    track(() -> garbage.stop(0));

    // When
    Response tested =
        admin(
            "POST",
            "/api/v1/providers/test-connection",
            "{\"provider_type\": \"lmstudio\", \"display_name\": \"not LM Studio\","
                + " \"base_url\": \"http://127.0.0.1:"
                + garbage.getAddress().getPort()
                + "\"}");

    // Then
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.json().path("success").asBoolean()).isFalse();
    assertThat(tested.json().path("message").asString()).startsWith("Could not list the models");
  }

  @Test
  void aSavedProviderThatCannotBeReachedAsSavedSaysWhatToSet() {
    // Given: saved without the key its type needs
    String id = provider("{\"provider_type\": \"openai\", \"display_name\": \"No key\"}");

    // When
    Response tested = admin("POST", "/api/v1/providers/" + id + "/test", null);

    // Then
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.json().path("success").asBoolean()).isFalse();
    assertThat(tested.json().path("message").asString())
        .contains("credentials.api_key is required for provider type openai")
        .endsWith("set it with PATCH /api/v1/providers/" + id);
  }

  @Test
  void testsNeedTheWriteScope() throws IOException {
    // Given
    SimulatedProviderServer server = simulator(WireProtocol.OPENAI, 2, "sim-chat");
    String reader = newKey("\"read:models\"");
    String writer = newKey("\"write:models\"");
    String id = provider(body("openai_compatible", server, KEY));
    String body = body("openai_compatible", server, KEY);

    // When / Then
    assertThat(as(reader, "POST", "/api/v1/providers/test-connection", body).status())
        .isEqualTo(403);
    assertThat(as(reader, "POST", "/api/v1/providers/" + id + "/test", null).status())
        .isEqualTo(403);
    assertThat(as(writer, "POST", "/api/v1/providers/test-connection", body).status())
        .isEqualTo(200);
    assertThat(server.requests("sim-chat")).isEqualTo(1);
  }

  private void assertUnprocessable(String body, String detail) {
    Response response = admin("POST", "/api/v1/providers/test-connection", body);
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).contains(detail);
  }

  private SimulatedProviderServer simulator(WireProtocol protocol, int pageSize, String... models)
      throws IOException {
    SimulatedProviderServer.Builder builder =
        SimulatedProviderServer.builder(protocol).apiKey(KEY).pageSize(pageSize);
    for (String model : models) {
      builder.model(model, ModelBehaviour.defaults());
    }
    return track(builder.start());
  }

  private <T extends AutoCloseable> T track(T server) {
    servers.add(server);
    return server;
  }

  private static String body(String type, SimulatedProviderServer server, String key) {
    return "{\"provider_type\": \""
        + type
        + "\", \"display_name\": \"Simulated\", \"base_url\": \""
        + server.baseUrl()
        + "\", \"credentials\": {\"api_key\": \""
        + key
        + "\"}}";
  }
}
