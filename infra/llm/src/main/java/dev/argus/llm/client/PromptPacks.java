package dev.argus.llm.client;

import java.util.List;
import java.util.Optional;

/** The prompt packs the api lists and the collector sends; small prompts, bounded budgets. */
public final class PromptPacks {

  public static final PromptPack HEALTH_CHECK =
      new PromptPack("health_check", "Health check", "Reply with the single word: OK", 2, 16);

  public static final PromptPack SHORT_ANSWER =
      new PromptPack(
          "short_answer",
          "Short answer",
          "In one sentence, what is the capital of France?",
          12,
          64);

  public static final PromptPack LONG_ANSWER =
      new PromptPack(
          "long_answer",
          "Long answer",
          "Explain in about 300 words how a refrigerator keeps food cold.",
          400,
          512);

  public static final PromptPack REASONING =
      new PromptPack(
          "reasoning",
          "Reasoning",
          "A bat and a ball cost 1.10 in total. The bat costs 1.00 more than the ball. How much"
              + " does the ball cost? Think it through, then give the answer.",
          150,
          1024);

  private static final List<PromptPack> ALL =
      List.of(HEALTH_CHECK, SHORT_ANSWER, LONG_ANSWER, REASONING);

  private PromptPacks() {}

  public static List<PromptPack> all() {
    return ALL;
  }

  public static Optional<PromptPack> find(String id) {
    return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return ALL.stream().map(PromptPack::id).toList();
  }
}
