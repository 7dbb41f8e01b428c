package dev.argus.llm.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated model answers. Delays are injected by the server and count from the moment the
 * request reached its handler: the first chunk with text is written {@code firstTokenDelay} after
 * it, chunk {@code i} at {@code firstTokenDelay + i * interTokenDelay} (deadlines, so sleep
 * overshoot does not add up). The headers and the role-only chunk or {@code message_start} go at
 * once, as real servers send them.
 *
 * @param answerTokens answer tokens generated (fewer when the request's budget is smaller)
 * @param tokensPerChunk tokens sent together in one chunk (as speculative decoding does)
 * @param reasoningTokens reasoning tokens generated before the answer, in the protocol's reasoning
 *     field ({@code reasoning_content}, {@code thinking_delta}, {@code thinking}, {@code thought})
 * @param roleOnlyFirstChunk OpenAI protocols: a first chunk with only the role, sent at once
 * @param usage whether usage figures are sent (OpenAI only when the request asks too)
 * @param fault what goes wrong on every request
 * @param failEvery when above 0, every n-th request of this model fails with {@code periodicFault}
 * @param down when the model is down (HTTP 503), or null
 */
public record ModelBehaviour(
    Duration firstTokenDelay,
    Duration interTokenDelay,
    int answerTokens,
    int tokensPerChunk,
    int reasoningTokens,
    boolean roleOnlyFirstChunk,
    boolean usage,
    Fault fault,
    int failEvery,
    Fault periodicFault,
    DownWindow down) {

  public ModelBehaviour {
    Objects.requireNonNull(firstTokenDelay, "firstTokenDelay");
    Objects.requireNonNull(interTokenDelay, "interTokenDelay");
    fault = fault == null ? Fault.NONE : fault;
    periodicFault = periodicFault == null ? Fault.SERVER_ERROR : periodicFault;
    if (answerTokens < 0 || reasoningTokens < 0 || failEvery < 0) {
      throw new IllegalArgumentException("token counts and failEvery must not be negative");
    }
    if (tokensPerChunk < 1) {
      throw new IllegalArgumentException("tokensPerChunk must be at least 1");
    }
  }

  /** 20 ms to the first token, 5 ms between tokens, 8 answer tokens, usage, a role chunk. */
  public static ModelBehaviour defaults() {
    return new ModelBehaviour(
        Duration.ofMillis(20),
        Duration.ofMillis(5),
        8,
        1,
        0,
        true,
        true,
        Fault.NONE,
        0,
        Fault.SERVER_ERROR,
        null);
  }

  public ModelBehaviour withFirstTokenDelay(Duration delay) {
    return new ModelBehaviour(
        delay,
        interTokenDelay,
        answerTokens,
        tokensPerChunk,
        reasoningTokens,
        roleOnlyFirstChunk,
        usage,
        fault,
        failEvery,
        periodicFault,
        down);
  }

  public ModelBehaviour withInterTokenDelay(Duration delay) {
    return new ModelBehaviour(
        firstTokenDelay,
        delay,
        answerTokens,
        tokensPerChunk,
        reasoningTokens,
        roleOnlyFirstChunk,
        usage,
        fault,
        failEvery,
        periodicFault,
        down);
  }

  public ModelBehaviour withAnswerTokens(int tokens) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        tokens,
        tokensPerChunk,
        reasoningTokens,
        roleOnlyFirstChunk,
        usage,
        fault,
        failEvery,
        periodicFault,
        down);
  }

  public ModelBehaviour withTokensPerChunk(int tokens) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        answerTokens,
        tokens,
        reasoningTokens,
        roleOnlyFirstChunk,
        usage,
        fault,
        failEvery,
        periodicFault,
        down);
  }

  public ModelBehaviour withReasoningTokens(int tokens) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        answerTokens,
        tokensPerChunk,
        tokens,
        roleOnlyFirstChunk,
        usage,
        fault,
        failEvery,
        periodicFault,
        down);
  }

  public ModelBehaviour withRoleOnlyFirstChunk(boolean role) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        answerTokens,
        tokensPerChunk,
        reasoningTokens,
        role,
        usage,
        fault,
        failEvery,
        periodicFault,
        down);
  }

  public ModelBehaviour withUsage(boolean sendUsage) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        answerTokens,
        tokensPerChunk,
        reasoningTokens,
        roleOnlyFirstChunk,
        sendUsage,
        fault,
        failEvery,
        periodicFault,
        down);
  }

  public ModelBehaviour withFault(Fault always) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        answerTokens,
        tokensPerChunk,
        reasoningTokens,
        roleOnlyFirstChunk,
        usage,
        always,
        failEvery,
        periodicFault,
        down);
  }

  /** Every {@code n}-th request fails with {@code how}; the others answer normally. */
  public ModelBehaviour failingEvery(int n, Fault how) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        answerTokens,
        tokensPerChunk,
        reasoningTokens,
        roleOnlyFirstChunk,
        usage,
        fault,
        n,
        how,
        down);
  }

  public ModelBehaviour downDuring(DownWindow window) {
    return new ModelBehaviour(
        firstTokenDelay,
        interTokenDelay,
        answerTokens,
        tokensPerChunk,
        reasoningTokens,
        roleOnlyFirstChunk,
        usage,
        fault,
        failEvery,
        periodicFault,
        window);
  }
}
