package dev.argus.collector.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmJob;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmMonitoringConfig;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmStatus;
import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.AnswerTimes;
import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job runner against simulated providers on loopback (OpenAI-compatible and Ollama), measuring
 * for real: timing, per-provider concurrency seen from the server, warm-ups, failures.
 */
class LlmJobRunnerTest {

  // Generous: the measured figure is at least the injected delay and, on a loaded machine, within
  // this much above it (infra/llm's own tests pin the precision).
  private static final double TOLERANCE_MS = 1500;

  private static HttpClient http;

  private final List<AnswerTimes> answers = new CopyOnWriteArrayList<>();
  private final Recorded results = new Recorded();

  @BeforeAll
  static void httpClient() {
    http = ProviderClients.httpClient();
  }

  @AfterAll
  static void closeHttpClient() {
    http.shutdownNow();
  }

  private static ModelBehaviour timed(long firstTokenMs, long interTokenMs, int tokens) {
    return ModelBehaviour.defaults()
        .withFirstTokenDelay(Duration.ofMillis(firstTokenMs))
        .withInterTokenDelay(Duration.ofMillis(interTokenMs))
        .withAnswerTokens(tokens);
  }

  private SimulatedProviderServer.Builder server(WireProtocol protocol) {
    return SimulatedProviderServer.builder(protocol).onAnswer(answers::add);
  }

  private static LlmProvider provider(String id, SimulatedProviderServer server, boolean enabled) {
    ProviderSpec spec = server.providerSpec();
    return LlmProvider.usable(id, spec.type().id(), "Sim " + id, enabled, spec);
  }

  private static LlmModelConfig model(
      String id, String providerId, String modelId, boolean monitored, Integer ttftThreshold) {
    return new LlmModelConfig(
        id, providerId, modelId, null, monitored, true, ttftThreshold, null, null);
  }

  private static LlmFleet fleet(
      List<LlmProvider> providers, List<LlmModelConfig> models, LlmMonitoringConfig monitoring) {
    Map<String, LlmProvider> byId = new HashMap<>();
    providers.forEach(p -> byId.put(p.id(), p));
    Map<String, LlmModelConfig> modelsById = new HashMap<>();
    models.forEach(m -> modelsById.put(m.id(), m));
    return new LlmFleet(byId, modelsById, monitoring);
  }

  private static LlmMonitoringConfig monitoring(int concurrencyPerProvider) {
    return new LlmMonitoringConfig(
        true, 15, "health_check", 5_000, 30_000, 64, 20, concurrencyPerProvider);
  }

  private LlmJobRunner runner(LlmFleet fleet) {
    return runner(fleet, 64);
  }

  private LlmJobRunner runner(LlmFleet fleet, int maxInFlight) {
    return new LlmJobRunner(
        () -> fleet,
        spec -> ProviderClients.create(spec, http),
        results,
        "collector-test",
        Clock.systemUTC(),
        maxInFlight);
  }

  private static LlmJob benchmark(
      String runId, List<String> models, int numRuns, int concurrency, int warmups, String pack) {
    return new LlmJob(
        "job-" + runId,
        LlmJob.BENCHMARK,
        runId,
        Instant.now(),
        models,
        pack,
        32,
        numRuns,
        concurrency,
        warmups);
  }

  @Test
  void aMonitoringRunProbesEveryMonitoredModelOnceAndMeasuresIt() throws Exception {
    try (var openai =
            server(WireProtocol.OPENAI)
                .model("gpt-sim", timed(300, 20, 10))
                .model("broken", timed(0, 1, 4).withFault(Fault.SERVER_ERROR))
                .model("unmonitored", timed(0, 1, 4))
                .start();
        var ollama = server(WireProtocol.OLLAMA).model("llama3:8b", timed(200, 30, 6)).start();
        var disabled = server(WireProtocol.OPENAI).model("off", timed(0, 1, 4)).start()) {
      // Given two providers, one disabled one, and one whose config cannot work (Azure without a
      // resource or base URL)
      LlmProvider azure =
          LlmProvider.usable(
              "p-azure",
              "azure_openai",
              "Azure",
              true,
              ProviderSpec.of(ProviderType.AZURE_OPENAI, null, "key"));
      LlmFleet fleet =
          fleet(
              List.of(
                  provider("p-openai", openai, true),
                  provider("p-ollama", ollama, true),
                  provider("p-off", disabled, false),
                  azure),
              List.of(
                  model("m-gpt", "p-openai", "gpt-sim", true, 100),
                  model("m-broken", "p-openai", "broken", true, null),
                  model("m-unmonitored", "p-openai", "unmonitored", false, null),
                  model("m-llama", "p-ollama", "llama3:8b", true, null),
                  model("m-off", "p-off", "off", true, null),
                  model("m-azure", "p-azure", "gpt-4.1", true, null)),
              monitoring(4));

      // When a monitoring run of every monitored model is run
      runner(fleet).run(LlmJob.monitoringRun("job-1", "run-1", Instant.now()));

      // Then each monitored model of an enabled provider got one reading of this run
      Map<String, LlmProbeReading> byModel = results.readingsByModel();
      assertThat(byModel).containsOnlyKeys("m-gpt", "m-broken", "m-llama", "m-azure");
      assertThat(results.readings).hasSize(4);
      assertThat(results.readings)
          .allSatisfy(
              r -> {
                assertThat(r.runId()).isEqualTo("run-1");
                assertThat(r.iteration()).isNull();
                assertThat(r.collectorId()).isEqualTo("collector-test");
              });
      assertThat(results.readings.stream().map(LlmProbeReading::readingId).distinct()).hasSize(4);
      assertThat(openai.requests("unmonitored")).isZero();
      assertThat(disabled.requests("off")).isZero();

      // ... measured as injected: OpenAI-compatible
      LlmProbeReading gpt = byModel.get("m-gpt");
      assertThat(gpt.success()).as(gpt.error()).isTrue();
      assertThat(gpt.modelName()).isEqualTo("gpt-sim");
      assertThat(gpt.providerId()).isEqualTo("p-openai");
      assertThat(gpt.providerType()).isEqualTo("openai_compatible");
      assertAround(gpt.ttftMs(), 300);
      assertAround(gpt.latencyMs(), 300 + 9 * 20);
      assertThat(gpt.outputTokens()).isEqualTo(10);
      assertThat(gpt.tokenSource()).isEqualTo("usage");
      assertThat(gpt.outputChars()).isPositive();
      // ... with the model's own TTFT threshold (so it is degraded) and the default latency one
      assertThat(gpt.ttftThresholdMs()).isEqualTo(100);
      assertThat(gpt.latencyThresholdMs()).isEqualTo(30_000);
      assertThat(gpt.status()).isEqualTo(LlmStatus.DEGRADED);

      // ... and Ollama
      LlmProbeReading llama = byModel.get("m-llama");
      assertThat(llama.success()).as(llama.error()).isTrue();
      assertAround(llama.ttftMs(), 200);
      assertAround(llama.latencyMs(), 200 + 5 * 30);
      assertThat(llama.outputTokens()).isEqualTo(6);
      assertThat(llama.ttftThresholdMs()).isEqualTo(5_000);
      assertThat(llama.status()).isEqualTo(LlmStatus.UP);

      // ... and failures are readings that say why
      LlmProbeReading broken = byModel.get("m-broken");
      assertThat(broken.success()).isFalse();
      assertThat(broken.httpStatus()).isEqualTo(500);
      assertThat(broken.error()).contains("500");
      assertThat(broken.status()).isEqualTo(LlmStatus.DOWN);
      LlmProbeReading unusable = byModel.get("m-azure");
      assertThat(unusable.success()).isFalse();
      assertThat(unusable.error()).contains("'Azure' (azure_openai) cannot be used", "resource");
      assertThat(unusable.modelName()).isEqualTo("gpt-4.1");
      assertThat(results.flushes).isPositive();
    }
  }

  @Test
  void probesAreBoundedPerProviderAndRunConcurrentlyAcrossProviders() throws Exception {
    var slow = timed(300, 10, 3);
    try (var first =
            server(WireProtocol.OPENAI)
                .model("a1", slow)
                .model("a2", slow)
                .model("a3", slow)
                .model("a4", slow)
                .model("a5", slow)
                .model("a6", slow)
                .start();
        var second = server(WireProtocol.OLLAMA).model("b1", slow).model("b2", slow).start()) {
      List<LlmModelConfig> models = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        models.add(model("m-a" + i, "p-first", "a" + i, true, null));
      }
      models.add(model("m-b1", "p-second", "b1", true, null));
      models.add(model("m-b2", "p-second", "b2", true, null));
      LlmFleet fleet =
          fleet(
              List.of(provider("p-first", first, true), provider("p-second", second, true)),
              models,
              monitoring(2));

      // When every model is probed, two at a time per provider
      runner(fleet).run(LlmJob.monitoringRun("job-2", "run-2", Instant.now()));

      // Then the first provider never had more than two probes at once (as its server saw them),
      // and did have two; the second provider's two ran beside them
      assertThat(results.readings).hasSize(8).allMatch(LlmProbeReading::success);
      List<AnswerTimes> firstAnswers =
          answers.stream().filter(a -> a.model().startsWith("a")).toList();
      assertThat(firstAnswers).hasSize(6);
      assertThat(maxInFlight(firstAnswers)).isEqualTo(2);
      assertThat(maxInFlight(answers)).isGreaterThan(2);
    }
  }

  @Test
  void theCollectorsCapOnProbesInFlightHoldsAcrossProviders() throws Exception {
    var slow = timed(300, 10, 3);
    try (var first =
            server(WireProtocol.OPENAI)
                .model("a1", slow)
                .model("a2", slow)
                .model("a3", slow)
                .model("a4", slow)
                .start();
        var second =
            server(WireProtocol.OLLAMA)
                .model("b1", slow)
                .model("b2", slow)
                .model("b3", slow)
                .model("b4", slow)
                .start()) {
      List<LlmModelConfig> models = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        models.add(model("m-a" + i, "p-first", "a" + i, true, null));
        models.add(model("m-b" + i, "p-second", "b" + i, true, null));
      }
      LlmFleet fleet =
          fleet(
              List.of(provider("p-first", first, true), provider("p-second", second, true)),
              models,
              monitoring(4));

      // When every model is probed with four slots per provider but three on the collector
      runner(fleet, 3).run(LlmJob.monitoringRun("job-cap", "run-cap", Instant.now()));

      // Then the servers together never saw more than three probes at once, and did see three
      assertThat(results.readings).hasSize(8).allMatch(LlmProbeReading::success);
      assertThat(answers).hasSize(8);
      assertThat(maxInFlight(answers)).isEqualTo(3);
    }
  }

  @Test
  void aBenchmarkWarmsUpOneAtATimeUnpublishedThenMeasuresWithItsConcurrency() throws Exception {
    try (var openai = server(WireProtocol.OPENAI).model("gpt-sim", timed(200, 10, 8)).start()) {
      LlmFleet fleet =
          fleet(
              List.of(provider("p-openai", openai, true)),
              List.of(model("m-gpt", "p-openai", "gpt-sim", false, null)),
              monitoring(4));

      // When a benchmark of 4 measured requests, 2 at once, after 2 warm-ups runs
      runner(fleet).run(benchmark("bench-1", List.of("m-gpt"), 4, 2, 2, "short_answer"));

      // Then the server saw 6 requests, but only the 4 measured ones are results
      assertThat(openai.requests("gpt-sim")).isEqualTo(6);
      List<BenchmarkEvent> events = results.events;
      assertThat(events)
          .extracting(BenchmarkEvent::type)
          .containsExactly("started", "result", "result", "result", "result", "completed");
      assertThat(events).allMatch(e -> e.runId().equals("bench-1") && e.total() == 4);
      List<BenchmarkEvent> resultEvents =
          events.stream().filter(e -> e.type().equals(BenchmarkEvent.RESULT)).toList();
      assertThat(resultEvents).extracting(BenchmarkEvent::completed).containsExactly(1, 2, 3, 4);
      assertThat(resultEvents).allMatch(e -> "m-gpt".equals(e.currentModel()));
      assertThat(resultEvents)
          .extracting(e -> e.result().iteration())
          .containsExactlyInAnyOrder(1, 2, 3, 4);
      assertThat(resultEvents)
          .allSatisfy(
              e -> {
                assertThat(e.result().success()).as(e.result().error()).isTrue();
                assertThat(e.result().runId()).isEqualTo("bench-1");
                assertAround(e.result().ttftMs(), 200);
              });
      assertThat(events.getLast().completed()).isEqualTo(4);
      assertThat(results.readings).isEmpty();

      // ... and the two warm-ups ran alone, one after the other, before the measured ones, which
      // ran two at a time
      List<AnswerTimes> byArrival =
          answers.stream().sorted(Comparator.comparingLong(AnswerTimes::receivedNanos)).toList();
      assertThat(maxInFlight(byArrival.subList(0, 3))).isEqualTo(1);
      assertThat(maxInFlight(byArrival.subList(2, 6))).isEqualTo(2);
    }
  }

  @Test
  void aBenchmarkCountsModelsItCannotProbeAsFailedRequests() throws Exception {
    try (var openai =
        server(WireProtocol.OPENAI)
            .model("gpt-sim", timed(0, 1, 4))
            .model("broken", timed(0, 1, 4).withFault(Fault.RATE_LIMITED))
            .start()) {
      LlmFleet fleet =
          fleet(
              List.of(provider("p-openai", openai, true)),
              List.of(
                  model("m-gpt", "p-openai", "gpt-sim", false, null),
                  model("m-broken", "p-openai", "broken", false, null)),
              monitoring(4));

      runner(fleet)
          .run(benchmark("bench-2", List.of("m-gpt", "m-gone", "m-broken"), 2, 1, 0, null));

      List<BenchmarkEvent> events = results.events;
      assertThat(events.getFirst().type()).isEqualTo(BenchmarkEvent.STARTED);
      assertThat(events.getFirst().total()).isEqualTo(6);
      assertThat(events.getLast().type()).isEqualTo(BenchmarkEvent.COMPLETED);
      assertThat(events.getLast().completed()).isEqualTo(6);
      Map<String, List<LlmProbeReading>> byModel = new HashMap<>();
      events.stream()
          .filter(e -> e.type().equals(BenchmarkEvent.RESULT))
          .forEach(
              e ->
                  byModel
                      .computeIfAbsent(e.currentModel(), k -> new ArrayList<>())
                      .add(e.result()));
      assertThat(byModel.get("m-gpt")).hasSize(2).allMatch(LlmProbeReading::success);
      assertThat(byModel.get("m-gone"))
          .hasSize(2)
          .allSatisfy(
              r -> {
                assertThat(r.success()).isFalse();
                assertThat(r.error()).contains("model m-gone is not on argus.config");
              });
      assertThat(byModel.get("m-broken"))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.httpStatus()).isEqualTo(429));
    }
  }

  @Test
  void aBenchmarkThatCannotRunAtAllFailsWithTheReason() throws Exception {
    LlmFleet fleet = fleet(List.of(), List.of(), monitoring(4));

    runner(fleet).run(benchmark("bench-3", List.of("m-x"), 2, 1, 0, "no_such_pack"));

    assertThat(results.events).hasSize(1);
    BenchmarkEvent failed = results.events.getFirst();
    assertThat(failed.type()).isEqualTo(BenchmarkEvent.FAILED);
    assertThat(failed.error()).contains("prompt pack 'no_such_pack' is unknown");
  }

  private static void assertAround(Double measuredMs, long injectedMs) {
    assertThat(measuredMs).isNotNull().isGreaterThanOrEqualTo((double) injectedMs);
    assertThat(measuredMs).isLessThan(injectedMs + TOLERANCE_MS);
  }

  /** The most answers the server was busy with at once, from arrival to the last token. */
  private static int maxInFlight(List<AnswerTimes> answers) {
    record Edge(long at, int delta) {}
    List<Edge> edges = new ArrayList<>();
    for (AnswerTimes answer : answers) {
      edges.add(new Edge(answer.receivedNanos(), 1));
      edges.add(new Edge(answer.lastTokenNanos(), -1));
    }
    // At equal times an end comes before a start: touching intervals do not overlap.
    edges.sort(Comparator.comparingLong(Edge::at).thenComparingInt(Edge::delta));
    int current = 0;
    int max = 0;
    for (Edge edge : edges) {
      current += edge.delta();
      max = Math.max(max, current);
    }
    return max;
  }

  /** What the runner handed over, in order. */
  private static final class Recorded implements LlmResults {

    final List<LlmProbeReading> readings = new CopyOnWriteArrayList<>();
    final List<BenchmarkEvent> events = new CopyOnWriteArrayList<>();
    volatile int flushes;

    @Override
    public void probeReading(LlmProbeReading reading) {
      readings.add(reading);
    }

    @Override
    public void benchmarkEvent(BenchmarkEvent event) {
      events.add(event);
    }

    @Override
    public void flush() {
      flushes++;
    }

    Map<String, LlmProbeReading> readingsByModel() {
      Map<String, LlmProbeReading> byModel = new HashMap<>();
      readings.forEach(r -> byModel.put(r.modelId(), r));
      return byModel;
    }
  }
}
