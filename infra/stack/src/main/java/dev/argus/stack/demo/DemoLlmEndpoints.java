package dev.argus.stack.demo;

import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.SimulatedProviderServer;
import dev.argus.llm.simulator.SimulatorMain;
import java.io.IOException;

/**
 * The demo's LLM endpoints: two loopback test doubles of real provider protocols (an
 * OpenAI-compatible server and an Ollama one), each serving the simulator's demo models — a fast
 * one, a slow one, a reasoning one, one that fails every fifth request and one that goes down for
 * two minutes in every ten. Fixed ports, so the providers a stack registered keep answering after a
 * restart.
 */
public final class DemoLlmEndpoints implements AutoCloseable {

  private final SimulatedProviderServer openAiCompatible;
  private final SimulatedProviderServer ollama;

  private DemoLlmEndpoints(
      SimulatedProviderServer openAiCompatible, SimulatedProviderServer ollama) {
    this.openAiCompatible = openAiCompatible;
    this.ollama = ollama;
  }

  /** Starts the OpenAI-compatible endpoint on {@code port} and the Ollama one on the next. */
  public static DemoLlmEndpoints start(int port, String apiKey) throws IOException {
    SimulatedProviderServer openAi =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .port(port)
            .apiKey(apiKey)
            .models(SimulatorMain.demoModels())
            .start();
    try {
      SimulatedProviderServer ollama =
          SimulatedProviderServer.builder(WireProtocol.OLLAMA)
              .port(port + 1)
              .models(SimulatorMain.demoModels())
              .start();
      return new DemoLlmEndpoints(openAi, ollama);
    } catch (IOException | RuntimeException e) {
      openAi.close();
      throw e;
    }
  }

  public String openAiCompatibleUrl() {
    return openAiCompatible.baseUrl();
  }

  public String ollamaUrl() {
    return ollama.baseUrl();
  }

  /** The ids of the models both endpoints serve. */
  public java.util.List<String> modelIds() {
    return openAiCompatible.models().stream().map(m -> m.id()).toList();
  }

  @Override
  public void close() {
    openAiCompatible.close();
    ollama.close();
  }
}
