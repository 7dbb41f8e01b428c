package dev.argus.llm.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.net.http.HttpClient;
import java.time.Duration;

/** What the probe tests share: one HTTP client, a warm-up, and the timing tolerance. */
final class Probes {

  static final HttpClient HTTP = ProviderClients.httpClient();

  /**
   * How far above an injected delay a measured time may be on a loaded two-core machine (the
   * precise error is the benchmark's figure, not an assertion). Below it, never: a time shorter
   * than the delay the server waited is impossible unless something was counted too early.
   */
  static final double SLACK_MS = 200;

  static final String WARM_UP = "warm-up";

  private Probes() {}

  /** A behaviour with the given delays, in milliseconds. */
  static ModelBehaviour timed(long firstTokenMillis, long interTokenMillis) {
    return ModelBehaviour.defaults()
        .withFirstTokenDelay(Duration.ofMillis(firstTokenMillis))
        .withInterTokenDelay(Duration.ofMillis(interTokenMillis));
  }

  /** A server builder with a fast warm-up model every test sends one request to first. */
  static SimulatedProviderServer.Builder server(dev.argus.llm.client.WireProtocol protocol) {
    return SimulatedProviderServer.builder(protocol).model(WARM_UP, timed(0, 0));
  }

  /** The client of {@code server}, after one unmeasured request (JIT, connection pool). */
  static ProviderClient client(SimulatedProviderServer server) {
    ProviderClient client = ProviderClients.create(server.providerSpec(), HTTP);
    assertThat(client.probe(request(WARM_UP)).success()).isTrue();
    return client;
  }

  static ProbeRequest request(String model) {
    return new ProbeRequest(model, "Say hello to the monitor", 64, Duration.ofSeconds(10));
  }

  static void assertAround(Double measured, double injected) {
    assertThat(measured).isNotNull();
    assertThat(measured).isGreaterThanOrEqualTo(injected).isLessThan(injected + SLACK_MS);
  }
}
