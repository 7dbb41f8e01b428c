package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderClients;
import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import dev.argus.llm.simulator.TestScenes;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** What the vision tests share: one HTTP client, quick chain settings, a ledger in memory. */
final class Fixtures {

  static final HttpClient HTTP = ProviderClients.httpClient();

  /** Short waits: 2 s per call, one retry after 10 ms, the circuit open for 300 ms. */
  static final ChainSettings QUICK =
      new ChainSettings(
          Duration.ofSeconds(2), 1, Duration.ofMillis(10), 50f, 2, Duration.ofMillis(300));

  private Fixtures() {}

  /** A model that answers at once. */
  static ModelBehaviour fast() {
    return ModelBehaviour.defaults().withFirstTokenDelay(Duration.ZERO);
  }

  /** The empty yard, then a box near its right edge: the change is on the right. */
  static VisionRequest boxAppearsOnTheRight() {
    return new VisionRequest(
        DescriptionPrompt.build(null, 2, "Camera: Yard"),
        List.of(TestScenes.yard(), TestScenes.boxAtRight()),
        300);
  }

  static VisionTarget target(String id, SimulatedProviderServer server, String model) {
    return target(id, server.providerSpec(), model);
  }

  static VisionTarget target(String id, ProviderSpec spec, String model) {
    return new VisionTarget(id, id + "-account", spec, model);
  }

  /** A {@link UsageLedger} in memory, paused on demand. */
  static final class MemoryLedger implements UsageLedger {
    final List<CallRecord> calls = new CopyOnWriteArrayList<>();
    final AtomicReference<String> paused = new AtomicReference<>();

    @Override
    public void record(CallRecord call) {
      calls.add(call);
    }

    @Override
    public Optional<String> pausedReason() {
      return Optional.ofNullable(paused.get());
    }
  }
}
