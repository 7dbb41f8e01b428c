package dev.argus.llm.simulator;

import com.sun.net.httpserver.HttpServer;
import dev.argus.llm.client.ProviderSpec;
import dev.argus.llm.client.ProviderType;
import dev.argus.llm.client.WireProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A test double of a remote LLM provider on loopback: the JDK's HTTP server speaking one wire
 * protocol (OpenAI-compatible, Azure OpenAI, Anthropic, Ollama, Gemini) for scripted models, each
 * with its {@link ModelBehaviour}: injected delays, reasoning, usage on or off, and faults. Every
 * request runs on its own virtual thread and the delays are sleeps, so hundreds of models streaming
 * at once cost little (the benchmark harness probes 500).
 *
 * <pre>{@code
 * try (var server = SimulatedProviderServer.builder(WireProtocol.OPENAI)
 *     .model("fast", ModelBehaviour.defaults())
 *     .start()) {
 *   ProviderClient client = ProviderClients.create(server.providerSpec(), http);
 * }
 * }</pre>
 */
public final class SimulatedProviderServer implements AutoCloseable {

  /** A model's behaviour (replaceable while running) and how many chat requests it had. */
  static final class ModelState {
    volatile ModelBehaviour behaviour;
    final AtomicInteger requests = new AtomicInteger();

    ModelState(ModelBehaviour behaviour) {
      this.behaviour = behaviour;
    }
  }

  private static final String RECEIVED = "argus.simulator.received-nanos";

  private final WireProtocol protocol;
  private final Consumer<AnswerTimes> onAnswer;
  private final String apiKey;
  private final int pageSize;
  private final List<SimulatedModel> models;
  private final Map<String, ModelState> states = new LinkedHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final long startNanos = System.nanoTime();
  private final long startedEpochSecond = System.currentTimeMillis() / 1000;
  private final HttpServer http;

  private SimulatedProviderServer(Builder builder) throws IOException {
    this.protocol = builder.protocol;
    this.apiKey = builder.apiKey;
    this.pageSize = builder.pageSize;
    this.onAnswer = builder.onAnswer;
    this.models = List.copyOf(builder.models.values());
    for (SimulatedModel model : models) {
      states.put(model.id(), new ModelState(model.behaviour()));
    }
    Dialect dialect =
        switch (protocol) {
          case OPENAI -> new OpenAiDialect(this, false);
          case AZURE_OPENAI -> new OpenAiDialect(this, true);
          case ANTHROPIC -> new AnthropicDialect(this);
          case OLLAMA -> new OllamaDialect(this);
          case GEMINI -> new GeminiDialect(this);
        };
    http =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 1024);
    http.createContext(
        "/",
        exchange -> {
          exchange.setAttribute(RECEIVED, System.nanoTime());
          try {
            dialect.handle(exchange);
          } catch (Dialect.StreamCut cut) {
            throw cut;
          } catch (IOException clientGone) {
            exchange.close();
          }
        });
    http.setExecutor(executor);
    http.start();
  }

  public static Builder builder(WireProtocol protocol) {
    return new Builder(protocol);
  }

  /** Configures a server; {@link #start()} binds it. */
  public static final class Builder {
    private final WireProtocol protocol;
    private final Map<String, SimulatedModel> models = new LinkedHashMap<>();
    private String apiKey;
    private int port;
    private int pageSize = 100;
    private Consumer<AnswerTimes> onAnswer = times -> {};

    private Builder(WireProtocol protocol) {
      this.protocol = protocol;
    }

    /** Requests must present this key (in the protocol's header); none needed when unset. */
    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The most models one page of a paged listing (Anthropic, Gemini) holds. */
    public Builder pageSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1");
      }
      this.pageSize = size;
      return this;
    }

    /**
     * Told, on the answering thread, when each streamed answer's text was written (for the
     * benchmark harness); must be quick and thread-safe.
     */
    public Builder onAnswer(Consumer<AnswerTimes> listener) {
      this.onAnswer = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder model(String id, ModelBehaviour behaviour) {
      models.put(id, new SimulatedModel(id, behaviour));
      return this;
    }

    public Builder models(Collection<SimulatedModel> all) {
      all.forEach(m -> models.put(m.id(), m));
      return this;
    }

    public SimulatedProviderServer start() throws IOException {
      return new SimulatedProviderServer(this);
    }
  }

  public WireProtocol protocol() {
    return protocol;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}, the base URL to give a provider. */
  public String baseUrl() {
    return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + port();
  }

  /**
   * A provider spec reaching this server: the generic OpenAI-compatible type for the OpenAI
   * protocol, Azure with every model as a deployment, the protocol's own type otherwise; the
   * server's key (or any key, when it needs none).
   */
  public ProviderSpec providerSpec() {
    String key = apiKey != null ? apiKey : "simulated-key";
    return switch (protocol) {
      case OPENAI -> ProviderSpec.of(ProviderType.OPENAI_COMPATIBLE, baseUrl(), key);
      case AZURE_OPENAI ->
          new ProviderSpec(
              ProviderType.AZURE_OPENAI,
              baseUrl(),
              null,
              Map.of("api_key", key),
              Map.of(
                  "deployment",
                  String.join(",", models.stream().map(SimulatedModel::id).toList())));
      case ANTHROPIC -> ProviderSpec.of(ProviderType.ANTHROPIC, baseUrl(), key);
      case OLLAMA -> ProviderSpec.of(ProviderType.OLLAMA, baseUrl(), apiKey);
      case GEMINI -> ProviderSpec.of(ProviderType.GEMINI, baseUrl(), key);
    };
  }

  /** The models, in the order given. */
  public List<SimulatedModel> models() {
    List<SimulatedModel> current = new ArrayList<>();
    for (SimulatedModel model : models) {
      current.add(new SimulatedModel(model.id(), states.get(model.id()).behaviour));
    }
    return current;
  }

  /** Changes how a model answers from its next request on (take it down, slow it, heal it). */
  public void setBehaviour(String model, ModelBehaviour behaviour) {
    ModelState state = states.get(model);
    if (state == null) {
      throw new IllegalArgumentException("no simulated model " + model);
    }
    state.behaviour = behaviour;
  }

  /** Chat requests {@code model} has received. */
  public int requests(String model) {
    ModelState state = states.get(model);
    return state == null ? 0 : state.requests.get();
  }

  String apiKey() {
    return apiKey;
  }

  int pageSize() {
    return pageSize;
  }

  long startedEpochSecond() {
    return startedEpochSecond;
  }

  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  ModelState state(String model) {
    return states.get(model);
  }

  /** When the request of {@code exchange} reached the handler. */
  static long receivedNanos(com.sun.net.httpserver.HttpExchange exchange) {
    return (Long) exchange.getAttribute(RECEIVED);
  }

  void answered(AnswerTimes times) {
    onAnswer.accept(times);
  }

  /** Blocks a hanging answer until the server stops. */
  void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    http.stop(0);
    executor.shutdownNow();
  }
}
