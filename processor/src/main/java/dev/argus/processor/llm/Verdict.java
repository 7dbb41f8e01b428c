package dev.argus.processor.llm;

import java.util.Map;

/**
 * What a rule makes of a subject now: breached, clear, or undecided (e.g. too few samples), with a
 * sentence and the figures it was judged on.
 */
record Verdict(Decision decision, String message, Map<String, Object> figures) {

  enum Decision {
    BREACHED,
    CLEAR,
    UNDECIDED
  }

  static Verdict undecided() {
    return new Verdict(Decision.UNDECIDED, null, Map.of());
  }
}
