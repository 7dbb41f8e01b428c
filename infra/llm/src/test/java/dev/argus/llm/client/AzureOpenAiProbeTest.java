package dev.argus.llm.client;

import static dev.argus.llm.client.Probes.assertAround;
import static dev.argus.llm.client.Probes.client;
import static dev.argus.llm.client.Probes.request;
import static dev.argus.llm.client.Probes.server;
import static dev.argus.llm.client.Probes.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Azure OpenAI: the deployment path with {@code api-version}, the {@code api-key} header, and a
 * first chunk carrying only {@code prompt_filter_results}, which is no token.
 */
class AzureOpenAiProbeTest {

  @Test
  void theDeploymentPathIsUsedAndThePromptFilterChunkIsNoToken() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.AZURE_OPENAI)
            .apiKey("azure-key")
            .model("gpt-4o-deploy", timed(250, 20).withAnswerTokens(4))
            .start()) {
      ProbeMeasurement m = client(server).probe(request("gpt-4o-deploy"));

      assertThat(m.success()).as(m.error()).isTrue();
      assertAround(m.ttftMs(), 250);
      assertAround(m.latencyMs(), 250 + 3 * 20);
      assertThat(m.textChunks()).isEqualTo(4);
      assertThat(m.outputTokens()).isEqualTo(4);
      assertThat(m.tokenSource()).isEqualTo(TokenSource.USAGE);
      assertThat(server.requests("gpt-4o-deploy")).isEqualTo(1);
    }
  }

  @Test
  void theModelListIsTheConfiguredDeploymentsAndTheTestProbesOne() throws Exception {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(WireProtocol.AZURE_OPENAI)
            .apiKey("azure-key")
            .model("east-gpt", timed(0, 0))
            .model("east-mini", timed(0, 0))
            .start()) {
      ProviderClient client = ProviderClients.create(server.providerSpec(), Probes.HTTP);

      assertThat(client.listModels())
          .extracting(DiscoveredModel::id)
          .containsExactly("east-gpt", "east-mini");
      ConnectionTest test = client.test();
      assertThat(test.success()).as(test.message()).isTrue();
      assertThat(test.details()).containsEntry("model_tested", "east-mini");
    }
  }

  @Test
  void aWrongKeyIsTheProvidersError() throws IOException {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(WireProtocol.AZURE_OPENAI)
            .apiKey("azure-key")
            .model("d", timed(0, 0))
            .start()) {
      ProviderClient client =
          ProviderClients.create(
              new ProviderSpec(
                  ProviderType.AZURE_OPENAI,
                  server.baseUrl(),
                  "swedencentral",
                  Map.of("api_key", "wrong"),
                  Map.of("deployment", "d", "api_version", "2024-10-21")),
              Probes.HTTP);

      ProbeMeasurement m = client.probe(request("d"));

      assertThat(m.httpStatus()).isEqualTo(401);
      assertThat(m.error()).contains("Incorrect API key provided");
    }
  }

  @Test
  void theResourceNamesTheEndpointAndIsRequiredWithoutABaseUrl() {
    ProviderClient fromResource =
        ProviderClients.create(
            new ProviderSpec(
                ProviderType.AZURE_OPENAI,
                null,
                null,
                Map.of("api_key", "k"),
                Map.of("resource", "contoso", "deployment", "d")),
            Probes.HTTP);
    assertThat(fromResource).isInstanceOf(OpenAiClient.class);
    assertThat(((OpenAiClient) fromResource).chatUri("my deploy").toString())
        .isEqualTo(
            "https://contoso.openai.azure.com/openai/deployments/my%20deploy/chat/completions"
                + "?api-version="
                + ProviderCatalog.AZURE_DEFAULT_API_VERSION);

    assertThatThrownBy(
            () ->
                ProviderClients.create(
                    new ProviderSpec(
                        ProviderType.AZURE_OPENAI, null, null, Map.of("api_key", "k"), Map.of()),
                    Probes.HTTP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options.resource");
  }
}
