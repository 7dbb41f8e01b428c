package dev.argus.llm.client;

import static dev.argus.llm.client.Probes.assertAround;
import static dev.argus.llm.client.Probes.client;
import static dev.argus.llm.client.Probes.request;
import static dev.argus.llm.client.Probes.server;
import static dev.argus.llm.client.Probes.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The OpenAI protocol against a simulated OpenAI-compatible server on loopback. */
class OpenAiProbeTest {

  @Test
  void timesMatchTheInjectedDelaysAndTheRoleOnlyChunkIsNoToken() throws IOException {
    // Given a model that sends its role-only chunk at once, the first token after 300 ms, then
    // four more 40 ms apart
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI)
            .model("m", timed(300, 40).withAnswerTokens(5).withRoleOnlyFirstChunk(true))
            .start()) {
      // When it is probed
      ProbeMeasurement m = client(server).probe(request("m"));

      // Then TTFT is the first content, not the role chunk that came ~300 ms earlier
      assertThat(m.success()).as(m.error()).isTrue();
      assertAround(m.ttftMs(), 300);
      assertThat(m.ttfoMs()).isEqualTo(m.ttftMs());
      assertAround(m.latencyMs(), 300 + 4 * 40);
      assertThat(m.textChunks()).isEqualTo(5);
      assertThat(m.outputTokens()).isEqualTo(5);
      assertThat(m.tokenSource()).isEqualTo(TokenSource.USAGE);
      assertThat(m.inputTokens()).isPositive();
      assertThat(m.finishReason()).isEqualTo("stop");
      assertThat(m.truncated()).isFalse();
      assertThat(m.complete()).isTrue();
      assertThat(m.httpStatus()).isEqualTo(200);
      // TPOT and tokens/s follow their definitions from the measured times
      double decode = m.latencyMs() - m.ttftMs();
      assertThat(m.tpotMs()).isCloseTo(decode / 4, within(1e-9));
      assertThat(m.tps()).isCloseTo(5 * 1000.0 / decode, within(1e-9));
      assertThat(m.e2eTps()).isCloseTo(5 * 1000.0 / m.latencyMs(), within(1e-9));
    }
  }

  @Test
  void reasoningCountsForTtftButNotForTtfo() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI)
            .model("thinker", timed(150, 50).withReasoningTokens(4).withAnswerTokens(3))
            .start()) {
      ProbeMeasurement m = client(server).probe(request("thinker"));

      assertThat(m.success()).as(m.error()).isTrue();
      assertAround(m.ttftMs(), 150);
      assertAround(m.ttfoMs(), 150 + 4 * 50);
      assertAround(m.latencyMs(), 150 + 6 * 50);
      assertThat(m.outputTokens()).isEqualTo(7);
      assertThat(m.reasoningTokens()).isEqualTo(4);
      assertThat(m.reasoningChars()).isPositive();
      assertThat(m.outputChars()).isPositive();
    }
  }

  @Test
  void usageIsPreferredToChunksAndChunksCountedWhenThereIsNone() throws IOException {
    // Given two tokens per chunk: usage says 6 tokens, the stream has 3 chunks
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI)
            .model("with-usage", timed(0, 5).withAnswerTokens(6).withTokensPerChunk(2))
            .model(
                "no-usage", timed(0, 5).withAnswerTokens(6).withTokensPerChunk(2).withUsage(false))
            .start()) {
      ProviderClient client = client(server);

      ProbeMeasurement usage = client.probe(request("with-usage"));
      ProbeMeasurement chunks = client.probe(request("no-usage"));

      assertThat(usage.outputTokens()).isEqualTo(6);
      assertThat(usage.tokenSource()).isEqualTo(TokenSource.USAGE);
      assertThat(chunks.success()).isTrue();
      assertThat(chunks.outputTokens()).isEqualTo(3);
      assertThat(chunks.tokenSource()).isEqualTo(TokenSource.CHUNKS);
      assertThat(chunks.inputTokens()).isNull();
    }
  }

  @Test
  void aBudgetSpentOnReasoningIsNoAnswerAndALengthLimitIsTruncated() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI)
            .model("overthinker", timed(0, 1).withReasoningTokens(40).withAnswerTokens(5))
            .model("talker", timed(0, 1).withAnswerTokens(40))
            .start()) {
      ProviderClient client = client(server);
      ProbeRequest budget16 = new ProbeRequest("overthinker", "hi", 16, Duration.ofSeconds(10));

      ProbeMeasurement thinking = client.probe(budget16);
      ProbeMeasurement talking =
          client.probe(new ProbeRequest("talker", "hi", 16, Duration.ofSeconds(10)));

      assertThat(thinking.success()).isFalse();
      assertThat(thinking.error()).contains("reasoning", "16");
      assertThat(thinking.ttftMs()).isNotNull();
      assertThat(thinking.ttfoMs()).isNull();
      assertThat(thinking.outputTokens()).isEqualTo(16);
      assertThat(thinking.truncated()).isTrue();
      assertThat(thinking.complete()).isTrue();
      assertThat(talking.success()).isTrue();
      assertThat(talking.truncated()).isTrue();
      assertThat(talking.finishReason()).isEqualTo("length");
      assertThat(talking.outputTokens()).isEqualTo(16);
    }
  }

  @Test
  void theBudgetIsAtLeastSixteen() {
    assertThat(new ProbeRequest("m", "p", 1, Duration.ofSeconds(1)).maxTokens()).isEqualTo(16);
  }

  @Test
  void httpErrorsCarryTheProvidersOwnMessage() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI)
            .model("e401", timed(0, 0).withFault(Fault.UNAUTHORIZED))
            .model("e429", timed(0, 0).withFault(Fault.RATE_LIMITED))
            .model("e500", timed(0, 0).withFault(Fault.SERVER_ERROR))
            .model("e529", timed(0, 0).withFault(Fault.OVERLOADED))
            .start()) {
      ProviderClient client = client(server);

      for (int status : new int[] {401, 429, 500, 529}) {
        ProbeMeasurement m = client.probe(request("e" + status));
        assertThat(m.success()).isFalse();
        assertThat(m.httpStatus()).isEqualTo(status);
        assertThat(m.error()).startsWith("HTTP " + status + " from 127.0.0.1: ");
        assertThat(m.error()).contains("(simulated)");
        assertThat(m.ttftMs()).isNull();
        assertThat(m.outputTokens()).isNull();
      }
      assertThat(client.probe(request("e429")).error()).contains("rate_limit_exceeded");
    }
  }

  @Test
  void aWrongKeyAndAnUnknownModelAreTheProvidersErrors() throws IOException {
    try (SimulatedProviderServer server = server(WireProtocol.OPENAI).apiKey("right-key").start()) {
      ProviderClient wrong =
          ProviderClients.create(
              ProviderSpec.of(ProviderType.OPENAI_COMPATIBLE, server.baseUrl(), "wrong-key"),
              Probes.HTTP);
      ProbeMeasurement denied = wrong.probe(request(Probes.WARM_UP));
      ProbeMeasurement unknown = client(server).probe(request("no-such-model"));

      assertThat(denied.httpStatus()).isEqualTo(401);
      assertThat(denied.error()).contains("Incorrect API key provided", "invalid_api_key");
      assertThat(unknown.httpStatus()).isEqualTo(404);
      assertThat(unknown.error()).contains("no-such-model");
    }
  }

  @Test
  void aCutStreamAndAMidStreamErrorAreFailuresCutShort() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI)
            .model("cut", timed(50, 5).withAnswerTokens(8).withFault(Fault.CUT_STREAM))
            .model("broken", timed(50, 5).withAnswerTokens(8).withFault(Fault.MID_STREAM_ERROR))
            .start()) {
      ProviderClient client = client(server);

      ProbeMeasurement cut = client.probe(request("cut"));
      ProbeMeasurement broken = client.probe(request("broken"));

      assertThat(cut.success()).isFalse();
      assertThat(cut.complete()).isFalse();
      assertThat(cut.truncated()).isTrue();
      assertThat(cut.textChunks()).isEqualTo(4);
      assertAround(cut.ttftMs(), 50);
      assertThat(cut.error())
          .satisfiesAnyOf(
              e -> assertThat(e).startsWith("the stream broke off"),
              e -> assertThat(e).startsWith("the stream ended before"));
      assertThat(broken.success()).isFalse();
      assertThat(broken.truncated()).isTrue();
      assertThat(broken.error()).contains("failed while answering");
      assertThat(broken.tokenSource()).isEqualTo(TokenSource.CHUNKS);
    }
  }

  @Test
  void aServerThatNeverAnswersIsTimedOutAtTheRequestTimeout() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI).model("hang", timed(0, 0).withFault(Fault.HANG)).start()) {
      ProviderClient client = client(server);

      ProbeMeasurement m = client.probe(new ProbeRequest("hang", "hi", 16, Duration.ofMillis(400)));

      assertThat(m.success()).isFalse();
      assertThat(m.error()).contains("400 ms");
      assertThat(m.httpStatus()).isNull();
      assertThat(m.totalMs()).isGreaterThanOrEqualTo(400).isLessThan(400 + 2000);
    }
  }

  @Test
  void aSlowFirstTokenBeyondTheTimeoutIsATimeoutAfterTheHeaders() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI).model("slow", timed(3000, 0)).start()) {
      ProviderClient client = client(server);

      ProbeMeasurement m = client.probe(new ProbeRequest("slow", "hi", 16, Duration.ofMillis(500)));

      assertThat(m.success()).isFalse();
      assertThat(m.httpStatus()).isEqualTo(200);
      assertThat(m.error()).contains("no token within the timeout of 500 ms");
      assertThat(m.ttftMs()).isNull();
    }
  }

  @Test
  void aRefusedConnectionIsAFailureNotAnException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ProviderClient client =
        ProviderClients.create(
            ProviderSpec.of(ProviderType.VLLM, "http://127.0.0.1:" + closedPort, null),
            Probes.HTTP);

    ProbeMeasurement m = client.probe(request("any"));

    assertThat(m.success()).isFalse();
    assertThat(m.error()).contains("cannot connect to 127.0.0.1:" + closedPort);
    ConnectionTest test = client.test();
    assertThat(test.success()).isFalse();
    assertThat(test.message()).contains("Could not list the models", "cannot connect");
  }

  @Test
  void cloudMetadataIsNeverConnectedTo() {
    ProviderClient client =
        ProviderClients.create(
            ProviderSpec.of(ProviderType.OPENAI_COMPATIBLE, "http://169.254.169.254", "k"),
            Probes.HTTP);

    ProbeMeasurement m = client.probe(request("any"));

    assertThat(m.success()).isFalse();
    assertThat(m.error()).contains("cloud metadata");
    assertThat(m.httpStatus()).isNull();
  }

  @Test
  void everyNthRequestFailsAndADownWindowAnswers503() throws IOException {
    try (SimulatedProviderServer server =
        server(WireProtocol.OPENAI)
            .model("flaky", timed(0, 0).failingEvery(2, Fault.SERVER_ERROR))
            .model(
                "down",
                timed(0, 0)
                    .downDuring(
                        dev.argus.llm.simulator.DownWindow.once(
                            Duration.ZERO, Duration.ofHours(1))))
            .start()) {
      ProviderClient client = client(server);

      assertThat(client.probe(request("flaky")).success()).isTrue();
      assertThat(client.probe(request("flaky")).httpStatus()).isEqualTo(500);
      assertThat(client.probe(request("flaky")).success()).isTrue();
      assertThat(client.probe(request("down")).httpStatus()).isEqualTo(503);
      assertThat(server.requests("flaky")).isEqualTo(3);
    }
  }

  @Test
  void aBaseUrlEndingInV1IsNotGivenASecondOne() throws IOException {
    try (SimulatedProviderServer server = server(WireProtocol.OPENAI).start()) {
      ProviderClient client =
          ProviderClients.create(
              ProviderSpec.of(ProviderType.OPENAI_COMPATIBLE, server.baseUrl() + "/v1/", "k"),
              Probes.HTTP);

      assertThat(client.probe(request(Probes.WARM_UP)).success()).isTrue();
    }
  }

  @Test
  void theModelListAndTheConnectionTestUseTheListedModels() throws Exception {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .model("text-embedding-sim", timed(0, 0).withFault(Fault.SERVER_ERROR))
            .model("sim-large", timed(0, 0))
            .model("sim-mini", timed(0, 0))
            .start()) {
      ProviderClient client = ProviderClients.create(server.providerSpec(), Probes.HTTP);

      assertThat(client.listModels())
          .extracting(DiscoveredModel::id)
          .containsExactly("text-embedding-sim", "sim-large", "sim-mini");
      ConnectionTest test = client.test();

      assertThat(test.success()).as(test.message()).isTrue();
      assertThat(test.details())
          .containsEntry("model_tested", "sim-mini")
          .containsEntry("models_found", 3)
          .containsKey("latency_ms");
      assertThat(server.requests("sim-mini")).isEqualTo(1);
      assertThat(server.requests("text-embedding-sim")).isZero();
      assertThat(client.test("sim-large").details()).containsEntry("model_tested", "sim-large");
    }
  }

  @Test
  void aFailingConnectionTestSaysWhyInTheProvidersWords() throws IOException {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .model("only", timed(0, 0).withFault(Fault.RATE_LIMITED))
            .start()) {
      ConnectionTest test = ProviderClients.create(server.providerSpec(), Probes.HTTP).test();

      assertThat(test.success()).isFalse();
      assertThat(test.message()).contains("only failed", "HTTP 429", "Rate limit reached");
      assertThat(test.details()).containsEntry("http_status", 429);
    }
  }

  @Test
  void aReasoningModelThatGivesNoTextWithinTheTestBudgetStillPassesTheConnectionTest()
      throws IOException {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .model("sim-reasoner", timed(0, 0).withReasoningTokens(100))
            .start()) {
      ConnectionTest test = ProviderClients.create(server.providerSpec(), Probes.HTTP).test();

      assertThat(test.success()).as(test.message()).isTrue();
      assertThat(test.message()).contains("no text within the test's budget of 16 tokens");
      assertThat(test.details()).containsEntry("finish_reason", "length");
    }
  }
}
