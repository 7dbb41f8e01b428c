package dev.argus.llm.client;

import static dev.argus.llm.client.Probes.assertAround;
import static dev.argus.llm.client.Probes.client;
import static dev.argus.llm.client.Probes.request;
import static dev.argus.llm.client.Probes.server;
import static dev.argus.llm.client.Probes.timed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Gemini: SSE with CRLF and no {@code [DONE]} (the {@code finishReason} chunk ends it), thought
 * parts, {@code usageMetadata} with thoughts counted apart, the list paged by {@code pageToken}.
 */
class GeminiProbeTest {

  @Test
  void theStreamEndsAtTheFinishReasonAndThoughtsCountForTtftOnly() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.GEMINI)
            .model("gemini-sim-flash", timed(220, 30).withReasoningTokens(2).withAnswerTokens(4))
            .start()) {
      ProbeMeasurement m = client(server).probe(request("gemini-sim-flash"));

      assertThat(m.success()).as(m.error()).isTrue();
      assertAround(m.ttftMs(), 220);
      assertAround(m.ttfoMs(), 220 + 2 * 30);
      assertAround(m.latencyMs(), 220 + 5 * 30);
      assertThat(m.outputTokens()).isEqualTo(6);
      assertThat(m.reasoningTokens()).isEqualTo(2);
      assertThat(m.tokenSource()).isEqualTo(TokenSource.USAGE);
      assertThat(m.finishReason()).isEqualTo("STOP");
    }
  }

  @Test
  void aMaxTokensFinishIsTruncatedAndAnInvalidKeyIsGooglesError() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.GEMINI)
            .apiKey("google-key")
            .model("long", timed(0, 0).withAnswerTokens(100))
            .model("busy", timed(0, 0).withFault(Fault.RATE_LIMITED))
            .start()) {
      ProviderClient client = client(server);

      ProbeMeasurement longAnswer = client.probe(request("long"));
      ProbeMeasurement busy = client.probe(request("busy"));
      ProbeMeasurement denied =
          ProviderClients.create(
                  ProviderSpec.of(ProviderType.GEMINI, server.baseUrl(), "bad"), Probes.HTTP)
              .probe(request("long"));

      assertThat(longAnswer.success()).as(longAnswer.error()).isTrue();
      assertThat(longAnswer.truncated()).isTrue();
      assertThat(longAnswer.finishReason()).isEqualTo("MAX_TOKENS");
      assertThat(busy.error()).contains("HTTP 429", "RESOURCE_EXHAUSTED");
      assertThat(denied.httpStatus()).isEqualTo(400);
      assertThat(denied.error()).contains("API key not valid");
    }
  }

  @Test
  void everyPageIsReadAndModelsThatCannotGenerateAreLeftOut() throws Exception {
    SimulatedProviderServer.Builder builder =
        SimulatedProviderServer.builder(WireProtocol.GEMINI).pageSize(3);
    IntStream.rangeClosed(1, 8)
        .forEach(i -> builder.model("gemini-sim-" + i, ModelBehaviour.defaults()));
    try (SimulatedProviderServer server = builder.start()) {
      ProviderClient client = ProviderClients.create(server.providerSpec(), Probes.HTTP);

      assertThat(client.listModels())
          .extracting(DiscoveredModel::id)
          .containsExactly(
              IntStream.rangeClosed(1, 8).mapToObj(i -> "gemini-sim-" + i).toArray(String[]::new));
      ConnectionTest test = client.test();
      assertThat(test.success()).as(test.message()).isTrue();
      assertThat(test.details()).containsEntry("models_found", 8);
    }
  }
}
