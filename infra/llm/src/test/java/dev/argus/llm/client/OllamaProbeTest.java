package dev.argus.llm.client;

import static dev.argus.llm.client.Probes.assertAround;
import static dev.argus.llm.client.Probes.client;
import static dev.argus.llm.client.Probes.request;
import static dev.argus.llm.client.Probes.server;
import static dev.argus.llm.client.Probes.timed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Ollama's native NDJSON stream, its thinking field and its final counters. */
class OllamaProbeTest {

  @Test
  void ndjsonTimesAndTheFinalCounters() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OLLAMA)
            .model("llama3:8b", timed(180, 25).withReasoningTokens(2).withAnswerTokens(5))
            .start()) {
      ProbeMeasurement m = client(server).probe(request("llama3:8b"));

      assertThat(m.success()).as(m.error()).isTrue();
      assertAround(m.ttftMs(), 180);
      assertAround(m.ttfoMs(), 180 + 2 * 25);
      assertAround(m.latencyMs(), 180 + 6 * 25);
      assertThat(m.outputTokens()).isEqualTo(7);
      assertThat(m.inputTokens()).isPositive();
      assertThat(m.tokenSource()).isEqualTo(TokenSource.USAGE);
      assertThat(m.loadMs()).isEqualTo(1.5);
      assertThat(m.finishReason()).isEqualTo("stop");
    }
  }

  @Test
  void withoutCountersTheLinesAreCountedAndAnErrorLineFails() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OLLAMA)
            .model("plain", timed(0, 1).withAnswerTokens(5).withUsage(false))
            .model("broken", timed(0, 1).withAnswerTokens(6).withFault(Fault.MID_STREAM_ERROR))
            .start()) {
      ProviderClient client = client(server);

      ProbeMeasurement plain = client.probe(request("plain"));
      ProbeMeasurement broken = client.probe(request("broken"));

      assertThat(plain.success()).isTrue();
      assertThat(plain.outputTokens()).isEqualTo(5);
      assertThat(plain.tokenSource()).isEqualTo(TokenSource.CHUNKS);
      assertThat(broken.success()).isFalse();
      assertThat(broken.error()).contains("an error was encountered while running the model");
    }
  }

  @Test
  void tagsAreTheModelListAndAMissingModelIsOllamasError() throws Exception {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(WireProtocol.OLLAMA)
            .model("qwen3:0.6b", timed(0, 0))
            .model("llama3:8b", timed(0, 0))
            .start()) {
      ProviderClient client = ProviderClients.create(server.providerSpec(), Probes.HTTP);

      assertThat(client.listModels())
          .extracting(DiscoveredModel::id)
          .containsExactly("qwen3:0.6b", "llama3:8b");
      assertThat(client.listModels().get(0).metadata()).containsEntry("parameter_size", "8B");
      ProbeMeasurement missing = client.probe(request("mistral:7b"));
      assertThat(missing.httpStatus()).isEqualTo(404);
      assertThat(missing.error()).contains("mistral:7b");
      assertThat(client.test().success()).isTrue();
    }
  }
}
