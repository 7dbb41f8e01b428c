package dev.argus.llm.simulator;

import dev.argus.llm.client.WireProtocol;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one simulated provider with the demo's models until killed: {@code java -cp …
 * dev.argus.llm.simulator.SimulatorMain <openai|azure_openai|anthropic|ollama|gemini> [port]
 * [api-key]}.
 */
public final class SimulatorMain {

  private SimulatorMain() {}

  /**
   * A fast model, a slow one, a reasoning one, one that fails every fifth request and one that is
   * down for two minutes in every ten (from its third minute on).
   */
  public static List<SimulatedModel> demoModels() {
    ModelBehaviour base = ModelBehaviour.defaults().withAnswerTokens(24);
    return List.of(
        new SimulatedModel("sim-fast", base),
        new SimulatedModel(
            "sim-slow",
            base.withFirstTokenDelay(Duration.ofMillis(2500))
                .withInterTokenDelay(Duration.ofMillis(60))),
        new SimulatedModel(
            "sim-reasoning",
            base.withReasoningTokens(40).withFirstTokenDelay(Duration.ofMillis(300))),
        new SimulatedModel("sim-flaky", base.failingEvery(5, Fault.SERVER_ERROR)),
        new SimulatedModel(
            "sim-outage",
            base.downDuring(
                DownWindow.every(
                    Duration.ofMinutes(10), Duration.ofMinutes(3), Duration.ofMinutes(2)))));
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: SimulatorMain <"
              + String.join(
                  "|", Arrays.stream(WireProtocol.values()).map(WireProtocol::id).toList())
              + "> [port] [api-key]");
      System.exit(2);
    }
    String wanted = args[0].toLowerCase(Locale.ROOT);
    WireProtocol protocol =
        Arrays.stream(WireProtocol.values())
            .filter(p -> p.id().equals(wanted) || p.name().equalsIgnoreCase(wanted))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown protocol " + args[0]));
    SimulatedProviderServer.Builder builder =
        SimulatedProviderServer.builder(protocol).models(demoModels());
    if (args.length > 1) {
      builder.port(Integer.parseInt(args[1]));
    }
    if (args.length > 2) {
      builder.apiKey(args[2]);
    }
    SimulatedProviderServer server = builder.start();
    System.out.println(
        "Simulated " + protocol.id() + " provider (a test double) at " + server.baseUrl());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    new CountDownLatch(1).await();
  }
}
