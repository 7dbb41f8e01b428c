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
 * Anthropic Messages: {@code message_start} and {@code ping} are no tokens, {@code thinking_delta}
 * counts for TTFT but not TTFO, usage from {@code message_start} and {@code message_delta}, a
 * mid-stream {@code error} event, 529, and the model list read page by page.
 */
class AnthropicProbeTest {

  @Test
  void pingAndMessageStartAreNoTokensAndThinkingCountsForTtftOnly() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.ANTHROPIC)
            .model("claude-sim", timed(200, 30).withReasoningTokens(3).withAnswerTokens(4))
            .start()) {
      ProbeMeasurement m = client(server).probe(request("claude-sim"));

      assertThat(m.success()).as(m.error()).isTrue();
      assertAround(m.ttftMs(), 200);
      assertAround(m.ttfoMs(), 200 + 3 * 30);
      assertAround(m.latencyMs(), 200 + 6 * 30);
      assertThat(m.outputTokens()).isEqualTo(7);
      assertThat(m.tokenSource()).isEqualTo(TokenSource.USAGE);
      assertThat(m.inputTokens()).isPositive();
      assertThat(m.finishReason()).isEqualTo("end_turn");
      assertThat(m.reasoningChars()).isPositive();
    }
  }

  @Test
  void withoutUsageTheChunksAreCounted() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.ANTHROPIC)
            .model("m", timed(0, 2).withAnswerTokens(6).withTokensPerChunk(3).withUsage(false))
            .start()) {
      ProbeMeasurement m = client(server).probe(request("m"));

      assertThat(m.success()).isTrue();
      assertThat(m.outputTokens()).isEqualTo(2);
      assertThat(m.tokenSource()).isEqualTo(TokenSource.CHUNKS);
    }
  }

  @Test
  void aMidStreamOverloadAndA529AreTheProvidersErrors() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.ANTHROPIC)
            .model("midway", timed(0, 2).withAnswerTokens(6).withFault(Fault.MID_STREAM_ERROR))
            .model("busy", timed(0, 0).withFault(Fault.OVERLOADED))
            .start()) {
      ProviderClient client = client(server);

      ProbeMeasurement midway = client.probe(request("midway"));
      ProbeMeasurement busy = client.probe(request("busy"));

      assertThat(midway.success()).isFalse();
      assertThat(midway.truncated()).isTrue();
      assertThat(midway.error()).contains("Overloaded", "overloaded_error");
      assertThat(midway.ttftMs()).isNotNull();
      assertThat(busy.httpStatus()).isEqualTo(529);
      assertThat(busy.error()).contains("overloaded_error");
    }
  }

  @Test
  void aWrongKeyIsAnAuthenticationError() throws IOException {
    try (SimulatedProviderServer server = server(WireProtocol.ANTHROPIC).apiKey("right").start()) {
      ProbeMeasurement m =
          ProviderClients.create(
                  ProviderSpec.of(ProviderType.ANTHROPIC, server.baseUrl(), "wrong"), Probes.HTTP)
              .probe(request(Probes.WARM_UP));

      assertThat(m.httpStatus()).isEqualTo(401);
      assertThat(m.error()).contains("invalid x-api-key", "authentication_error");
    }
  }

  @Test
  void everyPageOfTheModelListIsRead() throws Exception {
    SimulatedProviderServer.Builder builder =
        SimulatedProviderServer.builder(WireProtocol.ANTHROPIC).pageSize(2);
    IntStream.rangeClosed(1, 7)
        .forEach(i -> builder.model("claude-sim-" + i, ModelBehaviour.defaults()));
    try (SimulatedProviderServer server = builder.start()) {
      ProviderClient client = ProviderClients.create(server.providerSpec(), Probes.HTTP);

      assertThat(client.listModels())
          .extracting(DiscoveredModel::id)
          .containsExactly(
              IntStream.rangeClosed(1, 7).mapToObj(i -> "claude-sim-" + i).toArray(String[]::new));
      ConnectionTest test = client.test();
      assertThat(test.success()).as(test.message()).isTrue();
      assertThat(test.details()).containsEntry("models_found", 7);
      assertThat((String) test.details().get("model_tested")).startsWith("claude-sim-");
    }
  }
}
