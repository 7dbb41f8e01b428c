package dev.argus.llm.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What one simulated answer sends: reasoning chunks, then answer chunks, within the request's
 * budget; {@code lengthLimited} when the budget cut it short.
 */
record ChatPlan(
    List<Piece> pieces,
    int reasoningTokens,
    int answerTokens,
    int promptTokens,
    boolean lengthLimited) {

  /** One chunk's text and how many tokens it holds. */
  record Piece(boolean reasoning, String text, int tokens) {}

  private static final String[] ANSWER_WORDS = {
    " Simulated", " answer", " from", " an", " Argus", " test", " double", " of", " a", " model."
  };

  static ChatPlan of(ModelBehaviour behaviour, int budget, int promptTokens) {
    int reasoning = Math.min(behaviour.reasoningTokens(), budget);
    int answer = Math.min(behaviour.answerTokens(), budget - reasoning);
    List<Piece> pieces = new ArrayList<>();
    add(pieces, true, reasoning, behaviour.tokensPerChunk());
    add(pieces, false, answer, behaviour.tokensPerChunk());
    boolean limited = behaviour.reasoningTokens() + behaviour.answerTokens() > budget;
    return new ChatPlan(List.copyOf(pieces), reasoning, answer, promptTokens, limited);
  }

  private static void add(List<Piece> pieces, boolean reasoning, int tokens, int perChunk) {
    for (int start = 0; start < tokens; start += perChunk) {
      int count = Math.min(perChunk, tokens - start);
      StringBuilder text = new StringBuilder();
      for (int i = start; i < start + count; i++) {
        text.append(reasoning ? " hmm" : ANSWER_WORDS[i % ANSWER_WORDS.length]);
      }
      pieces.add(new Piece(reasoning, text.toString(), count));
    }
  }

  int outputTokens() {
    return reasoningTokens + answerTokens;
  }
}
