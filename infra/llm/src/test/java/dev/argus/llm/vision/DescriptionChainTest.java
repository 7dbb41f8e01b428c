package dev.argus.llm.vision;

import static dev.argus.llm.vision.Fixtures.HTTP;
import static dev.argus.llm.vision.Fixtures.QUICK;
import static dev.argus.llm.vision.Fixtures.boxAppearsOnTheRight;
import static dev.argus.llm.vision.Fixtures.fast;
import static dev.argus.llm.vision.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback chain over loopback doubles of three providers (OpenAI, Anthropic, Gemini) with
 * injected faults: fallback, retries, timeouts, the circuit breaker, the cost-cap pause, costs and
 * garbage. Requests are counted on the doubles, so "no request" is proved, not assumed.
 */
class DescriptionChainTest {

  private SimulatedProviderServer openAi;
  private SimulatedProviderServer anthropic;
  private SimulatedProviderServer gemini;
  private final Fixtures.MemoryLedger ledger = new Fixtures.MemoryLedger();

  @BeforeEach
  void startProviders() throws IOException {
    openAi =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .apiKey("o")
            .model("gpt-4o-mini", fast())
            .start();
    anthropic =
        SimulatedProviderServer.builder(WireProtocol.ANTHROPIC)
            .apiKey("a")
            .model("claude-haiku-4-5", fast())
            .start();
    gemini =
        SimulatedProviderServer.builder(WireProtocol.GEMINI)
            .apiKey("g")
            .model("gemini-2.5-flash", fast())
            .start();
  }

  @AfterEach
  void stopProviders() {
    openAi.close();
    anthropic.close();
    gemini.close();
  }

  private List<VisionTarget> chain() {
    return List.of(
        target(
            "openai", ProviderSpec.of(ProviderType.OPENAI, openAi.baseUrl(), "o"), "gpt-4o-mini"),
        target("anthropic", anthropic, "claude-haiku-4-5"),
        target("gemini", gemini, "gemini-2.5-flash"));
  }

  private DescriptionChain describer(ChainSettings settings) {
    return new DescriptionChain(settings, PriceTable.defaults(), ledger, HTTP);
  }

  @Test
  void aRateLimitedFirstProviderFallsBackToTheNext() {
    // Given OpenAI answering 429 and no retries
    openAi.setBehaviour("gpt-4o-mini", fast().withFault(Fault.RATE_LIMITED));
    DescriptionChain chain = describer(withRetries(0));

    // When the chain describes
    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    // Then Anthropic answered, and both attempts are listed in order
    assertThat(outcome.outcome()).isEqualTo(ChainOutcome.Outcome.DESCRIBED);
    assertThat(outcome.answer().providerId()).isEqualTo("anthropic");
    assertThat(outcome.answer().model()).isEqualTo("claude-haiku-4-5");
    assertThat(outcome.attempts()).hasSize(2);
    assertThat(outcome.attempts().get(0))
        .startsWith("openai-account/gpt-4o-mini: HTTP 429 from 127.0.0.1")
        .contains("Rate limit reached");
    assertThat(outcome.attempts().get(1)).startsWith("anthropic-account/claude-haiku-4-5: ok");
    assertThat(gemini.requests("gemini-2.5-flash")).isZero();
    assertThat(ledger.calls)
        .extracting(CallRecord::providerId, CallRecord::success)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("openai", false),
            org.assertj.core.groups.Tuple.tuple("anthropic", true));
    assertThat(chain.health("openai").state()).isEqualTo("failing");
    assertThat(chain.health("openai").lastError()).contains("HTTP 429");
    assertThat(chain.health("anthropic").state()).isEqualTo("ok");
    assertThat(chain.health("never-called").state()).isEqualTo("ok");
  }

  @Test
  void aServerErrorIsRetriedWithBackoffThenTheNextProviderAnswers() {
    // Given OpenAI answering 500 every time, and two retries
    openAi.setBehaviour("gpt-4o-mini", fast().withFault(Fault.SERVER_ERROR));
    DescriptionChain chain = describer(withRetries(2));

    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    // Then OpenAI had the first call and two retries, each recorded, before Anthropic answered
    assertThat(openAi.requests("gpt-4o-mini")).as(outcome.attempts().toString()).isEqualTo(3);
    assertThat(outcome.answer().providerId()).isEqualTo("anthropic");
    assertThat(outcome.attempts())
        .hasSize(4)
        .first()
        .asString()
        .contains("HTTP 500")
        .endsWith("(try 1 of 3)");
    assertThat(outcome.attempts().get(2)).endsWith("(try 3 of 3)");
    assertThat(ledger.calls).hasSize(4);
  }

  @Test
  void aRetryThatSucceedsAnswersFromTheSameProvider() {
    // Given OpenAI failing every second request: the first describe's call succeeds
    openAi.setBehaviour("gpt-4o-mini", fast().failingEvery(2, Fault.UNAVAILABLE));
    DescriptionChain chain = describer(withRetries(1));
    chain.describe(chain(), boxAppearsOnTheRight());

    // When the next describe's first call gets 503
    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    // Then its retry answers, from OpenAI still
    assertThat(outcome.answer().providerId()).isEqualTo("openai");
    assertThat(openAi.requests("gpt-4o-mini")).isEqualTo(3);
    assertThat(outcome.attempts()).hasSize(2);
    assertThat(outcome.attempts().get(0)).contains("HTTP 503");
    assertThat(anthropic.requests("claude-haiku-4-5")).isZero();
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeIsRetriedThenSkipped() {
    // Given OpenAI never answering, a 300 ms call timeout and one retry
    openAi.setBehaviour("gpt-4o-mini", fast().withFault(Fault.HANG));
    DescriptionChain chain =
        describer(
            new ChainSettings(
                Duration.ofMillis(300), 1, Duration.ofMillis(10), 50f, 10, Duration.ofSeconds(5)));

    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    assertThat(outcome.answer().providerId()).isEqualTo("anthropic");
    assertThat(openAi.requests("gpt-4o-mini")).isEqualTo(2);
    assertThat(outcome.attempts().get(0)).contains("no answer within 300 ms");
    assertThat(ledger.calls.get(0).latencyMs()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresSkipsWithoutARequestAndClosesAfterOpenFor()
      throws InterruptedException {
    // Given OpenAI answering 500, no retries, a circuit that opens after 2 calls at 50 % failures
    // for a second; the two failures come from a chain of OpenAI alone, so that no other
    // provider's answer uses up the open second before the check
    openAi.setBehaviour("gpt-4o-mini", fast().withFault(Fault.SERVER_ERROR));
    ChainSettings settings =
        new ChainSettings(
            QUICK.callTimeout(), 0, QUICK.firstBackoff(), 50f, 2, Duration.ofSeconds(1));
    DescriptionChain chain = describer(settings);
    List<VisionTarget> openAiAlone = chain().subList(0, 1);
    chain.describe(openAiAlone, boxAppearsOnTheRight());
    chain.describe(openAiAlone, boxAppearsOnTheRight());
    assertThat(openAi.requests("gpt-4o-mini")).isEqualTo(2);
    assertThat(chain.health("openai").state()).isEqualTo("circuit_open");

    // When the chain describes again while the circuit is open
    ChainOutcome skipped = chain.describe(chain(), boxAppearsOnTheRight());

    // Then OpenAI got no request: the attempt says why, and Anthropic answered
    assertThat(openAi.requests("gpt-4o-mini")).isEqualTo(2);
    assertThat(skipped.attempts().get(0)).isEqualTo("openai-account/gpt-4o-mini: circuit open");
    assertThat(skipped.answer().providerId()).isEqualTo("anthropic");
    assertThat(ledger.calls).filteredOn(c -> c.providerId().equals("openai")).hasSize(2);
    assertThat(chain.health("openai").state()).isEqualTo("circuit_open");

    // When OpenAI heals and the open time has passed
    openAi.setBehaviour("gpt-4o-mini", fast());
    Thread.sleep(settings.openFor().toMillis() + 100);
    ChainOutcome trial = chain.describe(chain(), boxAppearsOnTheRight());

    // Then one trial call goes through, answers, and closes the circuit
    assertThat(openAi.requests("gpt-4o-mini")).isEqualTo(3);
    assertThat(trial.answer().providerId()).isEqualTo("openai");
    assertThat(chain.health("openai").state()).isEqualTo("ok");
    chain.describe(chain(), boxAppearsOnTheRight());
    assertThat(openAi.requests("gpt-4o-mini")).isEqualTo(4);
  }

  @Test
  void aCircuitThatOpensDuringTheRetriesEndsThem() {
    // Given OpenAI answering 500, two retries, and a circuit that opens after two failed calls
    openAi.setBehaviour("gpt-4o-mini", fast().withFault(Fault.SERVER_ERROR));
    DescriptionChain chain =
        describer(
            new ChainSettings(
                QUICK.callTimeout(), 2, QUICK.firstBackoff(), 50f, 2, Duration.ofSeconds(5)));

    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    // Then the third try is not sent: the circuit opened after the second
    assertThat(openAi.requests("gpt-4o-mini")).isEqualTo(2);
    assertThat(outcome.attempts().get(2))
        .isEqualTo("openai-account/gpt-4o-mini: circuit open (try 3 of 3)");
    assertThat(outcome.answer().providerId()).isEqualTo("anthropic");
  }

  @Test
  void aPausedLedgerStopsTheChainBeforeAnyRequest() {
    ledger.paused.set("daily cost cap of $1.00 reached; resumes at 2026-12-04T00:00Z");
    DescriptionChain chain = describer(QUICK);

    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    assertThat(outcome.outcome()).isEqualTo(ChainOutcome.Outcome.PAUSED);
    assertThat(outcome.error()).contains("daily cost cap of $1.00 reached");
    assertThat(outcome.attempts()).isEmpty();
    assertThat(outcome.answer()).isNull();
    assertThat(openAi.requests("gpt-4o-mini") + anthropic.requests("claude-haiku-4-5")).isZero();
    assertThat(ledger.calls).isEmpty();
  }

  @Test
  void theCostOfACallComesFromThePriceTable() {
    DescriptionChain chain = describer(QUICK);

    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    // gpt-4o-mini lists at $0.15 / $0.60 per million input / output tokens
    VisionAnswer answer = outcome.answer();
    double expected = (answer.inputTokens() * 0.15 + answer.outputTokens() * 0.60) / 1_000_000;
    assertThat(answer.costUsd())
        .isPositive()
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(ledger.calls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.costUsd()).isEqualTo(answer.costUsd());
              assertThat(call.provider()).isEqualTo("openai-account");
              assertThat(call.model()).isEqualTo("gpt-4o-mini");
              assertThat(call.error()).isNull();
            });
  }

  @Test
  void aGarbageBodyIsAFailedAttemptNotAnException() {
    openAi.setBehaviour("gpt-4o-mini", fast().withFault(Fault.GARBAGE));
    anthropic.setBehaviour("claude-haiku-4-5", fast().withFault(Fault.CUT_STREAM));
    DescriptionChain chain = describer(withRetries(0));

    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    assertThat(outcome.attempts()).hasSize(3);
    assertThat(outcome.attempts().get(0))
        .contains("not a JSON document of the openai protocol")
        .contains("502 Bad Gateway");
    assertThat(outcome.attempts().get(1)).startsWith("anthropic-account/claude-haiku-4-5: ");
    assertThat(outcome.answer().providerId()).isEqualTo("gemini");
    assertThat(ledger.calls.get(0).costUsd()).isNull();
  }

  @Test
  void whenEveryProviderFailsTheOutcomeListsEveryAttemptAndTheLastError() {
    openAi.setBehaviour("gpt-4o-mini", fast().withFault(Fault.RATE_LIMITED));
    anthropic.setBehaviour("claude-haiku-4-5", fast().withFault(Fault.OVERLOADED));
    gemini.setBehaviour("gemini-2.5-flash", fast().withFault(Fault.UNAUTHORIZED));
    DescriptionChain chain = describer(withRetries(1));

    ChainOutcome outcome = chain.describe(chain(), boxAppearsOnTheRight());

    // 429 and 529 are retried once; Gemini's 401 is not
    assertThat(outcome.outcome()).isEqualTo(ChainOutcome.Outcome.FAILED);
    assertThat(outcome.attempts()).hasSize(5);
    assertThat(gemini.requests("gemini-2.5-flash")).isEqualTo(1);
    assertThat(outcome.error())
        .startsWith(
            "every provider of the chain failed; the last: gemini-account/gemini-2.5-flash: HTTP"
                + " 401");
    assertThat(outcome.answer()).isNull();
  }

  @Test
  void aProviderTypeWithoutVisionAndAnEmptyChainAreReportedNotCalled() {
    DescriptionChain chain = describer(QUICK);
    VisionTarget deepSeek =
        target(
            "deepseek",
            ProviderSpec.of(ProviderType.DEEPSEEK, openAi.baseUrl(), "o"),
            "gpt-4o-mini");

    ChainOutcome outcome = chain.describe(List.of(deepSeek), boxAppearsOnTheRight());
    ChainOutcome none = chain.describe(List.of(), boxAppearsOnTheRight());

    assertThat(outcome.outcome()).isEqualTo(ChainOutcome.Outcome.FAILED);
    assertThat(outcome.attempts())
        .containsExactly(
            "deepseek-account/gpt-4o-mini: skipped, provider type deepseek takes no images");
    assertThat(openAi.requests("gpt-4o-mini")).isZero();
    assertThat(none.outcome()).isEqualTo(ChainOutcome.Outcome.FAILED);
    assertThat(none.error()).startsWith("no vision provider is configured");
  }

  /** Quick settings with {@code retries}, and a circuit that needs 10 calls before it opens. */
  private static ChainSettings withRetries(int retries) {
    return new ChainSettings(
        QUICK.callTimeout(),
        retries,
        QUICK.firstBackoff(),
        QUICK.failureRateThreshold(),
        10,
        QUICK.openFor());
  }
}
