package dev.argus.bench;

import dev.argus.llm.client.ProbeMeasurement;
import dev.argus.llm.client.ProbeRequest;
import dev.argus.llm.client.PromptPacks;
import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.AnswerTimes;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * One monitoring run of many LLM models through the whole stack: loopback OpenAI-compatible
 * simulators (in this JVM) serve {@link LlmFleetPlan}'s models with known delays; the models are
 * registered through the api as a user would, and {@code POST /api/v1/monitoring/run} queues a run
 * that goes api → {@code argus.llm.jobs} → collector (probes) → {@code argus.readings.llm} →
 * processor → {@code llm_probe_results}, where the figures are read.
 *
 * <p>Two references for every probe: the <em>injected</em> delays, and the times the simulator
 * actually wrote the first and last token ({@link AnswerTimes}), so the collector's own measurement
 * error is told apart from the simulator's sleep overshoot. A warm-up run goes first: it warms the
 * JIT and proves the collector has the 500 models of the configuration before the measured run.
 */
final class LlmProbeRun {

  /**
   * @param models models monitored
   * @param stored probe results of the measured run in {@code llm_probe_results}
   * @param failed of those, results with an error
   * @param ttftVsInjected |measured TTFT − injected first-token delay|, ms
   * @param ttftVsWritten |measured TTFT − (first token written − request received)|, ms
   * @param e2eVsInjected |measured E2E − injected E2E|, ms
   * @param e2eVsWritten |measured E2E − (last token written − request received)|, ms
   * @param beforeServer probe start (the result's {@code ts}, wall clock of the collector) →
   *     request handed to the simulator's handler (wall clock of this JVM, same machine), ms: the
   *     part of the error spent connecting, sending and in the server's dispatcher
   * @param afterWrite measured TTFT − before-server − (first token written − received), ms: the
   *     part spent between the simulator's flush and the collector reading the chunk
   * @param clientTtftVsInjected the reference: |TTFT − injected| of the same probes made by {@code
   *     ProviderClients} in this JVM, with no job, Kafka or collector, against the same simulators
   * @param clientE2eVsInjected the same for E2E
   * @param runSeconds {@code POST /monitoring/run} → every result stored in the database
   * @param probeSpanSeconds first probe received by a simulator → last token written
   * @param slowestInjectedSeconds the slowest model's injected E2E: the floor of a run
   * @param collectorCpuSeconds CPU time of the collector JVM over {@code runSeconds}
   * @param idleCpuSeconds CPU time of the idle collector over the same wall time, just before
   */
  record Outcome(
      int models,
      int stored,
      int failed,
      Percentiles ttftVsInjected,
      Percentiles ttftVsWritten,
      Percentiles e2eVsInjected,
      Percentiles e2eVsWritten,
      Percentiles beforeServer,
      Percentiles afterWrite,
      Percentiles clientTtftVsInjected,
      Percentiles clientE2eVsInjected,
      double runSeconds,
      double probeSpanSeconds,
      double slowestInjectedSeconds,
      double collectorCpuSeconds,
      double idleCpuSeconds) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(120);

  private final BenchStack stack;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, AnswerTimes> answers = new ConcurrentHashMap<>();
  // Turns the simulator's nanoTime stamps into wall-clock time, comparable with the collector's.
  private final long anchorEpochNanos;
  private final long anchorNanoTime;

  LlmProbeRun(BenchStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
    Instant now = Instant.now();
    this.anchorNanoTime = System.nanoTime();
    this.anchorEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  Outcome run(LlmFleetPlan plan) throws Exception {
    List<SimulatedProviderServer> servers = new ArrayList<>();
    try {
      for (List<LlmFleetPlan.PlannedModel> account : plan.accounts()) {
        var builder =
            SimulatedProviderServer.builder(WireProtocol.OPENAI)
                .onAnswer(times -> answers.put(times.model(), times));
        account.forEach(m -> builder.model(m.id(), m.behaviour()));
        servers.add(builder.start());
      }
      register(plan, servers);
      out.printf(
          "[llm] %d models on %d simulated OpenAI-compatible accounts registered; warm-up run%n",
          plan.models().size(), servers.size());
      int warm = awaitStored(queueRun(), plan.models().size()).size();
      if (warm < plan.models().size()) {
        out.printf("[llm] warm-up stored %d of %d; measuring anyway%n", warm, plan.models().size());
      }
      Outcome stackRun = measure(plan);
      return clientAlone(plan, servers, stackRun);
    } finally {
      servers.forEach(SimulatedProviderServer::close);
    }
  }

  private Outcome measure(LlmFleetPlan plan) throws Exception {
    ProcessHandle collector = ProcessHandle.of(stack.jvmPids().get("collector")).orElseThrow();
    answers.clear();
    // The idle collector's own CPU (Kafka polls, GC) over a few seconds, to subtract by eye.
    long idleStart = System.nanoTime();
    double idleCpuStart = cpuSeconds(collector);
    Thread.sleep(5_000);
    double idlePerSecond =
        (cpuSeconds(collector) - idleCpuStart) / ((System.nanoTime() - idleStart) / 1e9);

    double cpuStart = cpuSeconds(collector);
    long start = System.nanoTime();
    String runId = queueRun();
    List<Stored> stored = awaitStored(runId, plan.models().size());
    double runSeconds = (System.nanoTime() - start) / 1e9;
    double cpu = cpuSeconds(collector) - cpuStart;

    List<Double> ttftInjected = new ArrayList<>();
    List<Double> ttftWritten = new ArrayList<>();
    List<Double> e2eInjected = new ArrayList<>();
    List<Double> e2eWritten = new ArrayList<>();
    List<Double> beforeServer = new ArrayList<>();
    List<Double> afterWrite = new ArrayList<>();
    Map<String, LlmFleetPlan.PlannedModel> byId = plan.byId();
    int failed = 0;
    long firstReceived = Long.MAX_VALUE;
    long lastWritten = Long.MIN_VALUE;
    for (AnswerTimes a : answers.values()) {
      firstReceived = Math.min(firstReceived, a.receivedNanos());
      lastWritten = Math.max(lastWritten, a.lastTokenNanos());
    }
    for (Stored s : stored) {
      LlmFleetPlan.PlannedModel model = byId.get(s.model());
      AnswerTimes written = answers.get(s.model());
      if (s.error() != null || s.ttftMs() == null || s.latencyMs() == null || model == null) {
        failed++;
        continue;
      }
      ttftInjected.add(Math.abs(s.ttftMs() - model.firstTokenMillis()));
      e2eInjected.add(Math.abs(s.latencyMs() - model.e2eMillis()));
      if (written != null && written.firstTokenNanos() > 0) {
        ttftWritten.add(
            Math.abs(s.ttftMs() - (written.firstTokenNanos() - written.receivedNanos()) / 1e6));
        e2eWritten.add(
            Math.abs(s.latencyMs() - (written.lastTokenNanos() - written.receivedNanos()) / 1e6));
        double before = (epochNanos(written.receivedNanos()) - s.startedEpochNanos()) / 1e6;
        beforeServer.add(before);
        afterWrite.add(
            s.ttftMs() - before - (written.firstTokenNanos() - written.receivedNanos()) / 1e6);
      }
    }
    out.printf(
        "[llm] run %s: %d of %d stored (%d failed) in %.2f s; collector CPU %.2f s%n",
        runId, stored.size(), plan.models().size(), failed, runSeconds, cpu);
    return new Outcome(
        plan.models().size(),
        stored.size(),
        failed,
        Percentiles.of(ttftInjected),
        Percentiles.of(ttftWritten),
        Percentiles.of(e2eInjected),
        Percentiles.of(e2eWritten),
        Percentiles.of(beforeServer),
        Percentiles.of(afterWrite),
        null,
        null,
        runSeconds,
        answers.isEmpty() ? Double.NaN : (lastWritten - firstReceived) / 1e9,
        plan.slowestE2eMillis() / 1000.0,
        cpu,
        idlePerSecond * runSeconds);
  }

  /**
   * The reference: the same probes by the provider client alone, in this JVM, against the same
   * simulators: what the client library and this machine can do without the job machinery.
   */
  private Outcome clientAlone(
      LlmFleetPlan plan, List<SimulatedProviderServer> servers, Outcome stackRun)
      throws InterruptedException {
    HttpClient client = ProviderClients.httpClient();
    String prompt = PromptPacks.find("health_check").orElseThrow().prompt();
    Map<String, ProbeMeasurement> measured = new ConcurrentHashMap<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int round = 0; round < 2; round++) {
        // Round 0 warms the JIT and opens the connections, as the stack's warm-up run did.
        measured.clear();
        for (int i = 0; i < servers.size(); i++) {
          ProviderClient provider = ProviderClients.create(servers.get(i).providerSpec(), client);
          for (LlmFleetPlan.PlannedModel model : plan.accounts().get(i)) {
            threads.execute(
                () ->
                    measured.put(
                        model.id(),
                        provider.probe(
                            new ProbeRequest(model.id(), prompt, 64, Duration.ofSeconds(30)))));
          }
        }
        long deadline = System.nanoTime() + STORE_TIMEOUT.toNanos();
        while (measured.size() < plan.models().size() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
      }
    } finally {
      client.shutdownNow();
    }
    List<Double> ttft = new ArrayList<>();
    List<Double> e2e = new ArrayList<>();
    for (LlmFleetPlan.PlannedModel model : plan.models()) {
      ProbeMeasurement m = measured.get(model.id());
      if (m != null && m.success()) {
        ttft.add(Math.abs(m.ttftMs() - model.firstTokenMillis()));
        e2e.add(Math.abs(m.latencyMs() - model.e2eMillis()));
      }
    }
    return new Outcome(
        stackRun.models(),
        stackRun.stored(),
        stackRun.failed(),
        stackRun.ttftVsInjected(),
        stackRun.ttftVsWritten(),
        stackRun.e2eVsInjected(),
        stackRun.e2eVsWritten(),
        stackRun.beforeServer(),
        stackRun.afterWrite(),
        Percentiles.of(ttft),
        Percentiles.of(e2e),
        stackRun.runSeconds(),
        stackRun.probeSpanSeconds(),
        stackRun.slowestInjectedSeconds(),
        stackRun.collectorCpuSeconds(),
        stackRun.idleCpuSeconds());
  }

  /** One provider account per simulator, every model monitored, concurrency at the api's most. */
  private void register(LlmFleetPlan plan, List<SimulatedProviderServer> servers)
      throws IOException, InterruptedException {
    expect(
        send(
            "PATCH",
            "/api/v1/monitoring/config",
            JSON.writeValueAsString(
                Map.of(
                    "concurrency_per_provider",
                    LlmFleetPlan.CONCURRENCY_PER_ACCOUNT,
                    "probe_timeout_seconds",
                    30))),
        200,
        "monitoring settings");
    for (int i = 0; i < servers.size(); i++) {
      SimulatedProviderServer server = servers.get(i);
      var provider =
          JSON.createObjectNode()
              .put("provider_type", "openai_compatible")
              .put("display_name", "Bench simulated account " + (i + 1))
              .put("base_url", server.baseUrl());
      provider.putObject("credentials").put("api_key", "sk-bench");
      HttpResponse<String> created =
          send("POST", "/api/v1/providers", JSON.writeValueAsString(provider));
      expect(created, 201, "provider");
      String providerId = JSON.readTree(created.body()).path("id").asString();
      for (LlmFleetPlan.PlannedModel model : plan.accounts().get(i)) {
        var body =
            JSON.createObjectNode()
                .put("provider_account_id", providerId)
                .put("model_id", model.id())
                .put("enabled_for_monitoring", true);
        expect(send("POST", "/api/v1/models", JSON.writeValueAsString(body)), 201, "model");
      }
    }
  }

  private String queueRun() throws IOException, InterruptedException {
    HttpResponse<String> queued = send("POST", "/api/v1/monitoring/run", null);
    expect(queued, 202, "monitoring run");
    return JSON.readTree(queued.body()).path("run_id").asString();
  }

  record Stored(
      String model, long startedEpochNanos, Double ttftMs, Double latencyMs, String error) {}

  private long epochNanos(long nanoTime) {
    return anchorEpochNanos + (nanoTime - anchorNanoTime);
  }

  /** Polls every 50 ms until {@code expected} results of the run are stored, or 2 minutes pass. */
  private List<Stored> awaitStored(String runId, int expected) throws Exception {
    long deadline = System.nanoTime() + STORE_TIMEOUT.toNanos();
    try (Connection db = stack.connect();
        PreparedStatement count =
            db.prepareStatement("SELECT count(*) FROM llm_probe_results WHERE run_id = ?")) {
      count.setString(1, runId);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= expected) {
            break;
          }
        }
        Thread.sleep(50);
      }
      return read(db, runId);
    }
  }

  private static List<Stored> read(Connection db, String runId) throws SQLException {
    List<Stored> stored = new ArrayList<>();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT model_name, ts, ttft_ms, latency_ms, error FROM llm_probe_results WHERE run_id"
                + " = ?")) {
      select.setString(1, runId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Instant started = rs.getObject(2, OffsetDateTime.class).toInstant();
          stored.add(
              new Stored(
                  rs.getString(1),
                  started.getEpochSecond() * 1_000_000_000L + started.getNano(),
                  (Double) rs.getObject(3),
                  (Double) rs.getObject(4),
                  rs.getString(5)));
        }
      }
    }
    return stored;
  }

  private static double cpuSeconds(ProcessHandle process) {
    return process.info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "The api refused the " + what + " (" + response.statusCode() + "): " + response.body());
    }
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("X-Api-Key", stack.adminKey());
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
