package dev.argus.llm.vision;

import static dev.argus.llm.vision.Fixtures.HTTP;
import static dev.argus.llm.vision.Fixtures.QUICK;
import static dev.argus.llm.vision.Fixtures.fast;
import static dev.argus.llm.vision.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.SimulatedProviderServer;
import dev.argus.llm.simulator.TestScenes;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each protocol's vision request against a loopback double speaking it (real HTTP, the provider's
 * request and response format): the double decodes the JPEGs it was sent and describes the change
 * it sees, so a right answer proves the images went through intact and in order.
 */
class VisionProtocolsTest {

  @ParameterizedTest
  @EnumSource(WireProtocol.class)
  void twoFramesWithABoxAppearingOnTheRightAreDescribedAsAChangeOnTheRight(WireProtocol protocol)
      throws IOException {
    // Given a simulated provider of the protocol, with a key it checks
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(protocol)
            .apiKey("k-" + protocol.id())
            .model("vision-sim", fast())
            .start()) {
      Fixtures.MemoryLedger ledger = new Fixtures.MemoryLedger();
      DescriptionChain chain = new DescriptionChain(QUICK, PriceTable.defaults(), ledger, HTTP);

      // When two frames are described, the box appearing on the right in the second
      ChainOutcome outcome =
          chain.describe(
              List.of(target("p", server, "vision-sim")), Fixtures.boxAppearsOnTheRight());

      // Then the double's description, computed from the pixels, names the right side only
      assertThat(outcome.outcome()).as(outcome.error()).isEqualTo(ChainOutcome.Outcome.DESCRIBED);
      VisionAnswer answer = outcome.answer();
      assertThat(answer.description())
          .startsWith("[simulated] 2 frames of 640×360")
          .contains("middle right")
          .doesNotContain("left");
      assertThat(answer.detectionType()).isEqualTo("motion");
      assertThat(answer.objects()).isEmpty();
      assertThat(answer.model()).isEqualTo("vision-sim");
      assertThat(answer.provider()).isEqualTo("p-account");
      // Two 640×360 images are two tiles each, on top of the prompt's words
      assertThat(answer.inputTokens()).isGreaterThan(2 * (85 + 170 * 2));
      assertThat(answer.outputTokens()).isPositive();
      assertThat(server.requests("vision-sim")).isEqualTo(1);
      assertThat(outcome.attempts())
          .singleElement()
          .asString()
          .startsWith("p-account/vision-sim: ok");
      assertThat(ledger.calls)
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.success()).isTrue();
                assertThat(call.inputTokens()).isEqualTo(answer.inputTokens());
                assertThat(call.outputTokens()).isEqualTo(answer.outputTokens());
              });
    }
  }

  @ParameterizedTest
  @EnumSource(WireProtocol.class)
  void oneFrameIsDescribedAsAStillScene(WireProtocol protocol) throws IOException {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(protocol).model("vision-sim", fast()).start()) {
      DescriptionChain chain =
          new DescriptionChain(QUICK, PriceTable.defaults(), new Fixtures.MemoryLedger(), HTTP);

      ChainOutcome outcome =
          chain.describe(
              List.of(target("p", server, "vision-sim")),
              new VisionRequest(
                  DescriptionPrompt.build(null, 1, null), List.of(TestScenes.yard()), 200));

      assertThat(outcome.outcome()).as(outcome.error()).isEqualTo(ChainOutcome.Outcome.DESCRIBED);
      assertThat(outcome.answer().description())
          .startsWith("[simulated] One frame of 640×360")
          .contains("no movement");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = WireProtocol.class,
      names = {"OPENAI", "ANTHROPIC", "GEMINI"})
  void aWrongKeyIsAFailureThatIsNotRetried(WireProtocol protocol) throws IOException {
    try (SimulatedProviderServer server =
        SimulatedProviderServer.builder(protocol)
            .apiKey("right")
            .model("vision-sim", fast())
            .start()) {
      ProviderType type = server.providerSpec().type();
      DescriptionChain chain =
          new DescriptionChain(QUICK, PriceTable.defaults(), new Fixtures.MemoryLedger(), HTTP);

      ChainOutcome outcome =
          chain.describe(
              List.of(target("p", ProviderSpec.of(type, server.baseUrl(), "wrong"), "vision-sim")),
              Fixtures.boxAppearsOnTheRight());

      // Anthropic and OpenAI answer 401, Gemini 400: none is worth a retry
      assertThat(outcome.outcome()).isEqualTo(ChainOutcome.Outcome.FAILED);
      assertThat(outcome.attempts()).hasSize(1);
      assertThat(outcome.error()).containsPattern("HTTP (401|400) from 127.0.0.1");
    }
  }
}
