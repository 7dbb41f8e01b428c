package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LLM endpoint monitoring over the real stack (KRaft broker, PostgreSQL, collector, processor, api)
 * against a simulated OpenAI-compatible provider on loopback that checks its API key: a provider
 * created through the api has its models discovered, monitored and probed with the injected
 * first-token delays and faults; every page of a paged (Anthropic) model list is discovered; a
 * benchmark's statistics are the type-7 percentiles of its own results; an {@code any_model_down}
 * rule opens an alert when a model goes down, delivers it through a webhook alert provider, and
 * resolves and delivers the recovery when it comes back. One stack for the class: the tests run in
 * order and build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmPipelineIT {

  private static final String API_KEY = "it-llm-admin-key-0123456789abcdef012345";
  private static final String PROVIDER_KEY = "sk-it-llm-simulated-provider-key";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String FAST = "it-fast";
  private static final String SLOW = "it-slow";
  private static final String BROKEN = "it-broken";
  private static final String IDLE = "it-idle";
  private static final String SPARE = "it-spare";

  /** The injected first-token delays; each model also streams 8 tokens 10 ms apart. */
  private static final Map<String, Duration> FIRST_TOKEN =
      Map.of(FAST, Duration.ofMillis(250), SLOW, Duration.ofMillis(900));

  /** Far above any scheduling noise of a loaded machine, far below a wrong clock or a retry. */
  private static final long TTFT_SLACK_MS = 2_000;

  private final StackApi api = new StackApi(() -> this.stack.apiBaseUrl(), API_KEY);
  private final List<JsonNode> webhookBodies = new CopyOnWriteArrayList<>();
  private final Map<String, String> modelIds = new LinkedHashMap<>();
  private SimulatedProviderServer provider;

  /** Anthropic's model list is paged (the OpenAI protocol's is not): two models a page. */
  private SimulatedProviderServer pagedProvider;

  private HttpServer receiver;
  private LocalStack stack;
  private String providerId;

  @BeforeAll
  void startEverything() throws Exception {
    provider =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .apiKey(PROVIDER_KEY)
            .model(FAST, answering(FIRST_TOKEN.get(FAST)))
            .model(SLOW, answering(FIRST_TOKEN.get(SLOW)))
            .model(BROKEN, answering(Duration.ofMillis(100)).withFault(Fault.SERVER_ERROR))
            .model(IDLE, answering(Duration.ofMillis(100)))
            .model(SPARE, answering(Duration.ofMillis(100)))
            .start();
    var paged = SimulatedProviderServer.builder(WireProtocol.ANTHROPIC).apiKey(PROVIDER_KEY);
    for (int i = 1; i <= 5; i++) {
      paged.model("claude-sim-" + i, answering(Duration.ofMillis(100)));
    }
    pagedProvider = paged.pageSize(2).start();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          webhookBodies.add(
              JSON.readTree(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    stack =
        LocalStack.start(
            StackApi.testStack("it-llm").serviceEnvironment(Map.of("API_KEY", API_KEY)).build(),
            System.out);
  }

  private static ModelBehaviour answering(Duration firstToken) {
    return ModelBehaviour.defaults()
        .withFirstTokenDelay(firstToken)
        .withInterTokenDelay(Duration.ofMillis(10))
        .withAnswerTokens(8)
        .withTokensPerChunk(1)
        .withUsage(true);
  }

  @AfterAll
  void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    if (provider != null) {
      provider.close();
    }
    if (pagedProvider != null) {
      pagedProvider.close();
    }
  }

  @Test
  @Order(1)
  void discoveredModelsAreProbedWithTheirInjectedTimingAndFaults() {
    StackApi.Response created =
        api.send(
            "POST",
            "/api/v1/providers",
            """
            {"provider_type": "openai_compatible", "display_name": "Simulated (IT)",
             "base_url": "%s", "credentials": {"api_key": "%s"}}
            """
                .formatted(provider.baseUrl(), PROVIDER_KEY));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    providerId = created.body().path("id").asString();

    StackApi.Response refresh =
        api.send("POST", "/api/v1/providers/" + providerId + "/refresh-models", null);
    assertThat(refresh.status()).isEqualTo(200);
    assertThat(refresh.body().path("success").asBoolean()).as(refresh.body().toString()).isTrue();
    assertThat(refresh.body().path("models_discovered").asInt()).isEqualTo(5);
    assertThat(refresh.body().path("models_added").asInt()).isEqualTo(5);

    // Read them back two at a time: three pages, each model once, monitoring off as discovered.
    List<JsonNode> listed = new ArrayList<>();
    for (int offset = 0; ; offset += 2) {
      JsonNode page =
          api.get("/api/v1/models?provider_id=" + providerId + "&limit=2&offset=" + offset).body();
      assertThat(page.path("total").asInt()).isEqualTo(5);
      page.path("items").forEach(listed::add);
      if (!page.path("has_more").asBoolean()) {
        break;
      }
    }
    assertThat(listed).hasSize(5);
    for (JsonNode model : listed) {
      assertThat(model.path("source").asString()).isEqualTo("discovered");
      assertThat(model.path("enabled_for_monitoring").asBoolean()).isFalse();
      modelIds.put(model.path("model_id").asString(), model.path("id").asString());
    }
    assertThat(modelIds).containsOnlyKeys(FAST, SLOW, BROKEN, IDLE, SPARE);

    for (String model : List.of(FAST, SLOW, BROKEN)) {
      StackApi.Response patched =
          api.send(
              "PATCH",
              "/api/v1/models/" + modelIds.get(model),
              "{\"enabled_for_monitoring\": true}");
      assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
    }

    // The collector learns of the models through argus.config: a run queued before they arrive
    // probes fewer, so a run that misses one is followed by another.
    Map<String, JsonNode> probes = awaitRunProbing(List.of(FAST, SLOW, BROKEN));

    for (String model : List.of(FAST, SLOW)) {
      JsonNode probe = probes.get(model);
      long delay = FIRST_TOKEN.get(model).toMillis();
      assertThat(probe.path("status").asString()).as(probe.toString()).isIn("up", "degraded");
      assertThat(probe.path("ttft_ms").asDouble())
          .as(model + " ttft_ms")
          .isGreaterThanOrEqualTo(delay)
          .isLessThan(delay + TTFT_SLACK_MS);
      assertThat(probe.path("token_source").asString()).isEqualTo("usage");
      assertThat(probe.path("output_tokens").asInt()).isEqualTo(8);
    }
    JsonNode broken = probes.get(BROKEN);
    assertThat(broken.path("status").asString()).isEqualTo("down");
    assertThat(broken.path("error").asString())
        .contains("500", "Internal server error (simulated)");
    assertThat(provider.requests(IDLE)).as("a model not monitored is not probed").isZero();
  }

  @Test
  @Order(2)
  void everyPageOfAProvidersModelListIsDiscovered() {
    StackApi.Response created =
        api.send(
            "POST",
            "/api/v1/providers",
            """
            {"provider_type": "anthropic", "display_name": "Simulated Anthropic (IT)",
             "base_url": "%s", "credentials": {"api_key": "%s"}}
            """
                .formatted(pagedProvider.baseUrl(), PROVIDER_KEY));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String id = created.body().path("id").asString();

    StackApi.Response refresh =
        api.send("POST", "/api/v1/providers/" + id + "/refresh-models", null);
    assertThat(refresh.body().path("success").asBoolean()).as(refresh.body().toString()).isTrue();
    // Three pages of two: one page would be two models.
    assertThat(refresh.body().path("models_discovered").asInt()).isEqualTo(5);
    assertThat(api.get("/api/v1/models?provider_id=" + id).body().path("total").asInt())
        .isEqualTo(5);
  }

  @Test
  @Order(3)
  void aBenchmarksStatisticsAreThePercentilesOfItsOwnResults() {
    StackApi.Response queued =
        api.send(
            "POST",
            "/api/v1/benchmarks",
            """
            {"name": "it", "model_ids": ["%s", "%s"], "prompt_pack": "health_check",
             "num_runs": 4, "concurrency": 2, "warmup_runs": 0, "max_tokens": 16}
            """
                .formatted(modelIds.get(FAST), modelIds.get(SLOW)));
    assertThat(queued.status()).as(queued.body().toString()).isEqualTo(202);
    String runId = queued.body().path("id").asString();

    JsonNode run =
        api.awaitJson(
            "/api/v1/benchmarks/" + runId,
            Duration.ofSeconds(90),
            node ->
                "completed".equals(node.path("status").asString())
                    && node.path("results").size() == 8
                    && node.path("statistics").path("n").asInt() == 8);
    assertThat(run.path("completed").asInt()).isEqualTo(8);
    assertThat(run.path("total").asInt()).isEqualTo(8);

    List<JsonNode> results =
        StreamSupport.stream(run.path("results").spliterator(), false).toList();
    assertThat(results).allMatch(r -> r.path("success").asBoolean(), "every result a success");
    JsonNode statistics = run.path("statistics");
    assertThat(statistics.path("errors").asInt()).isZero();
    assertPercentiles(statistics, "ttft_", ttfts(results, r -> true));

    for (String model : List.of(FAST, SLOW)) {
      String id = modelIds.get(model);
      double[] own = ttfts(results, r -> id.equals(r.path("model_id").asString()));
      assertThat(own).as(model + " results").hasSize(4);
      JsonNode byModel = statistics.path("by_model").path(id);
      assertThat(byModel.path("n").asInt()).isEqualTo(4);
      assertThat(byModel.path("errors").asInt()).isZero();
      JsonNode ttft = byModel.path("ttft_ms");
      assertThat(ttft.path("p50").asDouble()).isCloseTo(percentile(own, 50), within(1e-6));
      assertThat(ttft.path("p95").asDouble()).isCloseTo(percentile(own, 95), within(1e-6));
      assertThat(ttft.path("p99").asDouble()).isCloseTo(percentile(own, 99), within(1e-6));
      assertThat(ttft.path("min").asDouble()).isCloseTo(own[0], within(1e-6));
      assertThat(ttft.path("max").asDouble()).isCloseTo(own[own.length - 1], within(1e-6));
      assertThat(own[0]).isGreaterThanOrEqualTo(FIRST_TOKEN.get(model).toMillis());
    }
  }

  private static void assertPercentiles(JsonNode statistics, String prefix, double[] sorted) {
    for (int p : new int[] {50, 95, 99}) {
      assertThat(statistics.path(prefix + "p" + p).asDouble())
          .as(prefix + "p" + p)
          .isCloseTo(percentile(sorted, p), within(1e-6));
    }
  }

  /** The ascending {@code ttft_ms} of the results that match. */
  private static double[] ttfts(List<JsonNode> results, Predicate<JsonNode> which) {
    return results.stream()
        .filter(which)
        .mapToDouble(r -> r.path("ttft_ms").asDouble())
        .sorted()
        .toArray();
  }

  /** Linear interpolation between closest ranks (Hyndman–Fan type 7, numpy's default). */
  private static double percentile(double[] sorted, double p) {
    double rank = (sorted.length - 1) * p / 100;
    int lower = (int) rank;
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
  }

  @Test
  @Order(4)
  void aModelThatGoesDownAlertsThroughTheWebhookAndRecovers() {
    StackApi.Response providers =
        api.send(
            "PUT",
            "/api/alerts",
            """
            {"providers": [{"type": "webhook", "name": "it-hook", "enabled": true,
                            "min_severity": "low", "url": "http://127.0.0.1:%d/hook"}]}
            """
                .formatted(receiver.getAddress().getPort()));
    assertThat(providers.status()).as(providers.body().toString()).isEqualTo(200);
    StackApi.Response rule =
        api.send(
            "POST",
            "/api/v1/alerts/rules",
            "{\"name\": \"Any model down (IT)\", \"rule_type\": \"any_model_down\"}");
    assertThat(rule.status()).as(rule.body().toString()).isEqualTo(201);
    String ruleId = rule.body().path("id").asString();
    String fast = modelIds.get(FAST);

    // When the fast model fails (the rule reaches the processor through argus.config: runs are
    // queued until a down probe meets it)
    provider.setBehaviour(FAST, answering(FIRST_TOKEN.get(FAST)).withFault(Fault.SERVER_ERROR));
    JsonNode open =
        awaitRunUntil(
            () -> alertOf(ruleId, fast), alert -> "open".equals(alert.path("status").asString()));
    assertThat(open.path("severity").asString()).isEqualTo("high");
    assertThat(open.path("resolved_at").isNull()).isTrue();
    assertThat(open.path("message").asString()).contains(FAST);
    JsonNode down = awaitWebhook(fast, "model_down");
    assertThat(down.path("source").asString()).isEqualTo("llm");
    assertThat(down.path("severity").asString()).isEqualTo("high");

    // When it answers again
    provider.setBehaviour(FAST, answering(FIRST_TOKEN.get(FAST)));
    JsonNode resolved =
        awaitRunUntil(
            () -> alertOf(ruleId, fast),
            alert -> "resolved".equals(alert.path("status").asString()));
    assertThat(resolved.path("id").asString()).isEqualTo(open.path("id").asString());
    assertThat(resolved.path("resolved_at").isNull()).isFalse();
    JsonNode recovered = awaitWebhook(fast, "llm_recovered");
    assertThat(recovered.path("severity").asString()).isEqualTo("low");
  }

  /** The newest alert of the rule for the model, or an empty object. */
  private JsonNode alertOf(String ruleId, String modelId) {
    for (JsonNode alert :
        api.get("/api/v1/alerts?rule_id=" + ruleId + "&limit=500").body().path("items")) {
      if (modelId.equals(alert.path("model_id").asString())) {
        return alert;
      }
    }
    return JSON.createObjectNode();
  }

  private JsonNode awaitWebhook(String subject, String eventType) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                webhookBodies.stream()
                    .filter(
                        body ->
                            subject.equals(body.path("subject_id").asString())
                                && eventType.equals(body.path("event_type").asString()))
                    .findFirst()
                    .orElse(null),
            java.util.Objects::nonNull);
  }

  /**
   * Queues monitoring runs until {@code state} is {@code ready}: a new run whenever the last one
   * has been answered (its probes are in) and the state is not there yet.
   */
  private JsonNode awaitRunUntil(
      java.util.function.Supplier<JsonNode> state, Predicate<JsonNode> ready) {
    String[] lastRun = {null};
    return await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonNode now = state.get();
              if (ready.test(now)) {
                return now;
              }
              if (lastRun[0] == null || probesOfRun(lastRun[0]).containsKey(FAST)) {
                lastRun[0] = queueRun();
              }
              return null;
            },
            java.util.Objects::nonNull);
  }

  /** Queues runs until one has probed every one of {@code models}; that run's probes by model. */
  private Map<String, JsonNode> awaitRunProbing(List<String> models) {
    String[] run = {queueRun()};
    long[] queuedAt = {System.nanoTime()};
    return await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Map<String, JsonNode> probes = probesOfRun(run[0]);
              if (probes.keySet().containsAll(models)) {
                return probes;
              }
              // Every probe of a run is in within a few seconds (the slowest model answers in 1 s);
              // a run still missing one after five was queued before the collector knew of it.
              if (System.nanoTime() - queuedAt[0] > Duration.ofSeconds(5).toNanos()) {
                run[0] = queueRun();
                queuedAt[0] = System.nanoTime();
              }
              return null;
            },
            java.util.Objects::nonNull);
  }

  private String queueRun() {
    StackApi.Response queued = api.send("POST", "/api/v1/monitoring/run", null);
    assertThat(queued.status()).as(queued.body().toString()).isEqualTo(202);
    return queued.body().path("run_id").asString();
  }

  /** The run's probes by provider model id (the newest first, so a model's first probe wins). */
  private Map<String, JsonNode> probesOfRun(String runId) {
    Map<String, JsonNode> probes = new LinkedHashMap<>();
    for (JsonNode item : api.get("/api/v1/monitoring/uptime?limit=500").body().path("items")) {
      if (runId.equals(item.path("run_id").asString())) {
        probes.put(item.path("model_name").asString(), item);
      }
    }
    return probes;
  }
}
