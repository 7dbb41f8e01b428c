package dev.argus.bench;

import dev.argus.llm.simulator.ModelBehaviour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated models of the LLM scenario and their known delays: model {@code i} of {@code n}
 * waits {@code 50 + 450 * i / (n - 1)} ms for its first token (evenly 50–500 ms) and 5–50 ms
 * between its {@value #ANSWER_TOKENS} tokens (a stride through the range, so first-token and
 * inter-token delays are not correlated). The models are split over provider accounts of at most
 * {@value #CONCURRENCY_PER_ACCOUNT} (the api's highest {@code concurrency_per_provider}), so every
 * probe of a run can start at once and the run is bounded by the slowest model, not by queueing.
 */
record LlmFleetPlan(List<PlannedModel> models, List<List<PlannedModel>> accounts) {

  static final int ANSWER_TOKENS = 8;
  static final int CONCURRENCY_PER_ACCOUNT = 64;

  /** One model and its injected delays. */
  record PlannedModel(String id, long firstTokenMillis, long interTokenMillis) {

    /** The injected end-to-end time: the last of the {@value #ANSWER_TOKENS} one-token chunks. */
    long e2eMillis() {
      return firstTokenMillis + (ANSWER_TOKENS - 1) * interTokenMillis;
    }

    ModelBehaviour behaviour() {
      return ModelBehaviour.defaults()
          .withFirstTokenDelay(Duration.ofMillis(firstTokenMillis))
          .withInterTokenDelay(Duration.ofMillis(interTokenMillis))
          .withAnswerTokens(ANSWER_TOKENS)
          .withTokensPerChunk(1);
    }
  }

  static LlmFleetPlan of(int count) {
    if (count < 2) {
      throw new IllegalArgumentException("the LLM scenario needs at least 2 models");
    }
    List<PlannedModel> models = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      models.add(
          new PlannedModel(
              String.format("bench-llm-%03d", i),
              50 + Math.round(450.0 * i / (count - 1)),
              5 + (i * 37L) % 46));
    }
    int accountCount = (count + CONCURRENCY_PER_ACCOUNT - 1) / CONCURRENCY_PER_ACCOUNT;
    List<List<PlannedModel>> accounts = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      accounts.add(new ArrayList<>());
    }
    // Round robin, so every account has fast and slow models alike.
    for (int i = 0; i < count; i++) {
      accounts.get(i % accountCount).add(models.get(i));
    }
    return new LlmFleetPlan(List.copyOf(models), accounts.stream().map(List::copyOf).toList());
  }

  Map<String, PlannedModel> byId() {
    Map<String, PlannedModel> byId = new LinkedHashMap<>();
    models.forEach(m -> byId.put(m.id(), m));
    return byId;
  }

  long slowestE2eMillis() {
    return models.stream().mapToLong(PlannedModel::e2eMillis).max().orElseThrow();
  }
}
