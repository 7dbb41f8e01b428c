package dev.argus.llm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.client.ProbeMeasurement;
import dev.argus.llm.client.ProbeRequest;
import dev.argus.llm.client.ProviderClient;
import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.client.WireProtocol;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One simulated server carries 500 models streaming at once (the benchmark's scenario). */
class ManyModelsTest {

  @Test
  void fiveHundredModelsAnswerConcurrentlyWithTheirOwnDelays() throws Exception {
    SimulatedProviderServer.Builder builder = SimulatedProviderServer.builder(WireProtocol.OPENAI);
    IntStream.range(0, 500)
        .forEach(
            i ->
                builder.model(
                    "sim-" + i,
                    ModelBehaviour.defaults()
                        .withFirstTokenDelay(Duration.ofMillis(100 + i % 5 * 50))
                        .withInterTokenDelay(Duration.ofMillis(10))
                        .withAnswerTokens(4)));
    Map<String, AnswerTimes> written = new ConcurrentHashMap<>();
    builder.onAnswer(times -> written.put(times.model(), times));
    HttpClient http = ProviderClients.httpClient();
    try (SimulatedProviderServer server = builder.start();
        ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
      ProviderClient client = ProviderClients.create(server.providerSpec(), http);
      assertThat(client.listModels()).hasSize(500);

      List<Future<ProbeMeasurement>> results =
          IntStream.range(0, 500)
              .mapToObj(
                  i ->
                      probes.submit(
                          () ->
                              client.probe(
                                  new ProbeRequest("sim-" + i, "hi", 16, Duration.ofSeconds(60)))))
              .toList();

      for (int i = 0; i < 500; i++) {
        ProbeMeasurement m = results.get(i).get();
        assertThat(m.success()).as("sim-%d: %s", i, m.error()).isTrue();
        assertThat(m.ttftMs()).isGreaterThanOrEqualTo(100 + i % 5 * 50);
        assertThat(m.latencyMs()).isGreaterThanOrEqualTo(100 + i % 5 * 50 + 3 * 10);
        assertThat(m.outputTokens()).isEqualTo(4);
        // The client sent before the server received and read after the server wrote, so its
        // figures can only be longer than what the server actually did.
        AnswerTimes actual = written.get("sim-" + i);
        assertThat(actual.textChunks()).isEqualTo(4);
        double serverTtft = (actual.firstTokenNanos() - actual.receivedNanos()) / 1e6;
        double serverE2e = (actual.lastTokenNanos() - actual.receivedNanos()) / 1e6;
        assertThat(serverTtft).isGreaterThanOrEqualTo(100 + i % 5 * 50);
        assertThat(m.ttftMs()).isGreaterThanOrEqualTo(serverTtft);
        assertThat(m.latencyMs()).isGreaterThanOrEqualTo(serverE2e);
      }
      assertThat(written).hasSize(500);
      assertThat(server.requests("sim-499")).isEqualTo(1);
    }
  }
}
