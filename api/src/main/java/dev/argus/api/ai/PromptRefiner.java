package dev.argus.api.ai;

import dev.argus.api.system.settings.SystemSettingsRepository;
import dev.argus.llm.vision.CallRecord;
import dev.argus.llm.vision.TextCompletion;
import dev.argus.llm.vision.VisionTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Improves a description prompt from a user's feedback with a configured model: the named one, or
 * the AI chain's models in order until one answers. A text request (no image) per model, each call
 * an {@code ai_usage} row of purpose {@code refine_prompt} counting against the cost caps; no
 * retries and no circuit breaker (a user waits for it, and tries again).
 */
@Service
class PromptRefiner {

  static final int MAX_TOKENS = 600;

  private final SystemSettingsRepository settings;
  private final VisionTargets targets;
  private final DescriptionChains chains;
  private final PostgresUsageLedger ledger;

  PromptRefiner(
      SystemSettingsRepository settings,
      VisionTargets targets,
      DescriptionChains chains,
      PostgresUsageLedger ledger) {
    this.settings = settings;
    this.targets = targets;
    this.chains = chains;
    this.ledger = ledger;
  }

  /** What came of a refinement: the prompt and who wrote it, or why there is none. */
  record Refinement(
      String refinedPrompt,
      VisionTarget by,
      TextCompletion.Result call,
      Double costUsd,
      List<String> attempts,
      Failure failure,
      String error) {}

  enum Failure {
    NO_MODEL,
    PAUSED,
    FAILED
  }

  Refinement refine(String prompt, String feedback, UUID modelId) {
    AiSettings current = AiSettings.of(settings.current());
    List<VisionTarget> chain;
    if (modelId != null) {
      ChainLink link = targets.link(modelId);
      if (!link.usable()) {
        throw new EventDescriber.UnusableModelException(
            "model_id " + modelId + ": " + link.problem());
      }
      chain = List.of(link.target());
    } else {
      chain = targets.targets(current.chain());
    }
    if (chain.isEmpty()) {
      return failed(Failure.NO_MODEL, List.of(), EventDescriber.NO_CHAIN);
    }
    Optional<String> paused = ledger.pausedReason();
    if (paused.isPresent()) {
      return failed(Failure.PAUSED, List.of(), "descriptions are paused: " + paused.get());
    }
    String request = request(prompt, feedback);
    Duration timeout = current.chainSettings().callTimeout();
    List<String> attempts = new ArrayList<>();
    String lastError = null;
    for (VisionTarget target : chain) {
      String label = target.providerName() + "/" + target.modelId();
      TextCompletion.Result call = chains.complete(target, request, MAX_TOKENS, timeout);
      String refined = call.success() ? cleaned(call.text()) : null;
      String error =
          call.success() && refined.isEmpty() ? "the answer holds no prompt" : call.error();
      Double cost =
          error == null ? chains.costUsd(target, call.inputTokens(), call.outputTokens()) : null;
      new CallPurpose(CallPurpose.REFINE_PROMPT, null)
          .during(
              () -> {
                ledger.record(
                    new CallRecord(
                        target.providerId(),
                        target.providerName(),
                        target.modelId(),
                        error == null,
                        call.inputTokens(),
                        call.outputTokens(),
                        cost,
                        call.latencyMs(),
                        error));
                return null;
              });
      attempts.add(label + ": " + (error == null ? "ok in " + call.latencyMs() + " ms" : error));
      if (error == null) {
        return new Refinement(refined, target, call, cost, attempts, null, null);
      }
      lastError = label + ": " + error;
    }
    return failed(
        Failure.FAILED,
        attempts,
        "every model failed to refine the prompt; the last: " + lastError);
  }

  private static Refinement failed(Failure failure, List<String> attempts, String error) {
    return new Refinement(null, null, null, null, attempts, failure, error);
  }

  static String request(String prompt, String feedback) {
    return """
    You improve the prompts a vision model is given to describe the frames of a security \
    camera event. Rewrite the prompt below so that it answers the user's feedback, keeping \
    what already works and any instruction about the answer's format. Answer with the \
    improved prompt only: no preamble, no explanation, no quotes.

    Prompt:
    %s

    Feedback:
    %s
    """
        .formatted(prompt, feedback);
  }

  /** The prompt without the code fences or quotes a model may wrap it in. */
  static String cleaned(String text) {
    String out = text == null ? "" : text.strip();
    if (out.startsWith("```")) {
      int firstLine = out.indexOf('\n');
      out = firstLine < 0 ? "" : out.substring(firstLine + 1);
      if (out.endsWith("```")) {
        out = out.substring(0, out.length() - 3);
      }
      out = out.strip();
    }
    if (out.length() >= 2 && out.startsWith("\"") && out.endsWith("\"")) {
      out = out.substring(1, out.length() - 1).strip();
    }
    return out;
  }
}
