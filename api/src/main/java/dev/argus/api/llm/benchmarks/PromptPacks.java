package dev.argus.api.llm.benchmarks;

import java.util.List;

/**
 * The prompt packs a benchmark may name. The collectors hold the prompts; the api only checks the
 * name, so a typo is a 422 now rather than a failed run later.
 */
final class PromptPacks {

  static final List<String> IDS =
      List.of("health_check", "short_answer", "long_answer", "reasoning");

  private PromptPacks() {}

  static boolean exists(String id) {
    return IDS.contains(id);
  }
}
