package dev.argus.llm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One provider's wire protocol as a simulated server speaks it: routes, authentication, error
 * bodies, and the shape of each streamed piece. The timing and the faults are {@link #stream}'s,
 * the same for every protocol.
 */
abstract class Dialect {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final SimulatedProviderServer server;

  Dialect(SimulatedProviderServer server) {
    this.server = server;
  }

  /** Answers one request of any path. */
  abstract void handle(HttpExchange exchange) throws IOException;

  /** The provider's error document for {@code status}. */
  abstract String errorBody(int status, String message);

  abstract String contentType();

  /** What comes at once after the headers (role chunk, {@code message_start}, keep-alive). */
  abstract void prelude(Writer out, Answer answer) throws IOException;

  /** The {@code index}-th piece of the answer's plan. */
  abstract void piece(Writer out, Answer answer, int index) throws IOException;

  /** The stream's own error report, after which it ends. */
  abstract void streamError(Writer out, Answer answer) throws IOException;

  /** Finish reason, usage and the end marker. */
  abstract void epilogue(Writer out, Answer answer) throws IOException;

  /** One answer being streamed. */
  record Answer(String model, ChatPlan plan, boolean usage, long created) {}

  /**
   * Streams {@code model}'s answer to a chat request, or its fault. The caller has authenticated
   * the request and read the budget.
   */
  final void stream(HttpExchange exchange, String model, int budget, boolean usageAsked, int prompt)
      throws IOException {
    SimulatedProviderServer.ModelState state = server.state(model);
    if (state == null) {
      error(exchange, 404, "model '" + model + "' is not served here (simulated)");
      return;
    }
    ModelBehaviour behaviour = state.behaviour;
    Fault fault = faultOf(state);
    if (answeredFault(exchange, fault)) {
      return;
    }
    ChatPlan plan = ChatPlan.of(behaviour, budget, prompt);
    Answer answer =
        new Answer(model, plan, usageAsked && behaviour.usage(), System.currentTimeMillis() / 1000);
    exchange.getResponseHeaders().set("Content-Type", contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    Writer out = new Writer(exchange.getResponseBody());
    prelude(out, answer);
    // Deadlines from the request's arrival rather than sleeps one after another, so that sleep
    // overshoot does not add up over a long answer.
    long received = SimulatedProviderServer.receivedNanos(exchange);
    long firstAt = received + behaviour.firstTokenDelay().toNanos();
    long first = -1;
    long last = -1;
    int written = 0;
    int breakAt = Math.max(1, plan.pieces().size() / 2);
    boolean breaking = fault == Fault.MID_STREAM_ERROR || fault == Fault.CUT_STREAM;
    for (int i = 0; i < plan.pieces().size(); i++) {
      sleepUntil(firstAt + i * behaviour.interTokenDelay().toNanos());
      if (i == breakAt && breaking) {
        break;
      }
      piece(out, answer, i);
      last = System.nanoTime();
      first = first < 0 ? last : first;
      written++;
    }
    // Reported before the stream's end is written, so a client that has read the whole answer
    // finds it reported.
    server.answered(new AnswerTimes(model, received, first, last, written));
    if (breaking) {
      breakOff(fault, out, answer);
      return;
    }
    epilogue(out, answer);
    out.close();
  }

  /** This request's fault: the model's own, its periodic one, or its down window's. */
  private Fault faultOf(SimulatedProviderServer.ModelState state) {
    int request = state.requests.incrementAndGet();
    ModelBehaviour behaviour = state.behaviour;
    Fault fault = behaviour.fault();
    if (behaviour.failEvery() > 0 && request % behaviour.failEvery() == 0) {
      fault = behaviour.periodicFault();
    }
    if (behaviour.down() != null && behaviour.down().isDown(server.elapsedNanos())) {
      fault = Fault.UNAVAILABLE;
    }
    return fault;
  }

  /** Answers the faults that come instead of an answer; false when an answer is to follow. */
  private boolean answeredFault(HttpExchange exchange, Fault fault) throws IOException {
    if (fault.status() != 0) {
      error(exchange, fault.status(), message(fault.status()));
      return true;
    }
    if (fault == Fault.HANG) {
      server.awaitStop();
      exchange.close();
      return true;
    }
    if (fault == Fault.GARBAGE) {
      byte[] page =
          "<html><body><h1>502 Bad Gateway</h1>simulated garbage</body></html>"
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
      return true;
    }
    return false;
  }

  /**
   * A non-streamed request as the dialect read it: the prompt's text and the images it carried
   * (decoded from base64), in order.
   */
  record WholeRequest(String model, String prompt, List<byte[]> images) {}

  /** The protocol's document of a whole (non-streamed) answer. */
  abstract JsonNode wholeAnswer(String model, String text, int inputTokens, int outputTokens);

  /**
   * Answers a non-streamed request of {@code request.model()}, or its fault, after the model's
   * first-token delay: with images, the {@link PixelDescriber}'s description of them; without, the
   * model's scripted answer text. A mid-stream fault is a 500 here, a cut stream a body cut off.
   */
  final void answerWhole(HttpExchange exchange, WholeRequest request) throws IOException {
    SimulatedProviderServer.ModelState state = server.state(request.model());
    if (state == null) {
      error(exchange, 404, "model '" + request.model() + "' is not served here (simulated)");
      return;
    }
    ModelBehaviour behaviour = state.behaviour;
    Fault fault = faultOf(state);
    if (fault == Fault.MID_STREAM_ERROR) {
      fault = Fault.SERVER_ERROR;
    }
    if (answeredFault(exchange, fault)) {
      return;
    }
    String text;
    int inputTokens = promptTokens(request.prompt());
    if (request.images().isEmpty()) {
      ChatPlan plan = ChatPlan.of(behaviour.withReasoningTokens(0), Integer.MAX_VALUE, 0);
      text = String.join("", plan.pieces().stream().map(ChatPlan.Piece::text).toList()).strip();
    } else {
      List<BufferedImage> frames;
      try {
        frames = PixelDescriber.decode(request.images());
      } catch (PixelDescriber.Undecodable e) {
        error(exchange, 400, e.getMessage());
        return;
      }
      for (BufferedImage frame : frames) {
        inputTokens += imageTokens(frame);
      }
      text = PixelDescriber.answer(frames);
    }
    sleepUntil(
        SimulatedProviderServer.receivedNanos(exchange) + behaviour.firstTokenDelay().toNanos());
    int outputTokens = Math.max(1, (text.length() + 3) / 4);
    byte[] body =
        JSON.writeValueAsBytes(wholeAnswer(request.model(), text, inputTokens, outputTokens));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    if (fault == Fault.CUT_STREAM) {
      out.write(body, 0, body.length / 2);
      out.flush();
      throw new StreamCut();
    }
    out.write(body);
    out.close();
  }

  /**
   * An image's input tokens, by OpenAI's documented count for a detailed image (85 plus 170 per
   * 512-pixel tile) as a stand-in for every provider's.
   */
  static int imageTokens(BufferedImage image) {
    int tiles = ((image.getWidth() + 511) / 512) * ((image.getHeight() + 511) / 512);
    return 85 + 170 * tiles;
  }

  /** Base64 image data, or an empty array (which no decoder reads) when it is not base64. */
  static byte[] base64(String data) {
    try {
      return java.util.Base64.getMimeDecoder().decode(data == null ? "" : data);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  /** Ends the stream with a mid-stream fault. */
  private void breakOff(Fault fault, Writer out, Answer answer) throws IOException {
    if (fault == Fault.MID_STREAM_ERROR) {
      streamError(out, answer);
      out.close();
      return;
    }
    // Thrown out of the handler, this makes the JDK server drop the connection without the
    // chunked body's last chunk: the client sees the stream break off.
    throw new StreamCut();
  }

  /** Drops the connection mid-body. */
  static final class StreamCut extends RuntimeException {
    StreamCut() {
      super("simulated cut stream", null, false, false);
    }
  }

  static String message(int status) {
    return switch (status) {
      case 401 -> "Invalid API key (simulated)";
      case 429 -> "Rate limit reached, retry later (simulated)";
      case 500 -> "Internal server error (simulated)";
      case 503 -> "The model is down for maintenance (simulated outage)";
      case 529 -> "Overloaded (simulated)";
      default -> "HTTP " + status + " (simulated)";
    };
  }

  final void error(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = errorBody(status, message).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  final void json(HttpExchange exchange, JsonNode document) throws IOException {
    byte[] body = JSON.writeValueAsBytes(document);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The request's JSON body, or null (after answering 400) when it is not JSON. */
  final JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JacksonException e) {
      // answered below
    }
    error(exchange, 400, "the request body is not a JSON object (simulated)");
    return null;
  }

  /** Whether the header holds the server's key; always true when the server has none. */
  final boolean keyMatches(String presented) {
    return server.apiKey() == null || server.apiKey().equals(presented);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Words of the prompt text, a stand-in for its token count. */
  static int promptTokens(String text) {
    return text == null || text.isBlank() ? 1 : text.strip().split("\\s+").length;
  }

  static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return java.net.URLDecoder.decode(
            eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void sleepUntil(long deadlineNanos) {
    long nanos = deadlineNanos - System.nanoTime();
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamCut();
    }
  }

  /** Writes events and pushes each out at once (one HTTP chunk per event). */
  static final class Writer {
    private final OutputStream out;

    Writer(OutputStream out) {
      this.out = out;
    }

    /** An SSE event: optional {@code event:} name, one {@code data:} line, a blank line. */
    void sse(String event, String data, String newline) throws IOException {
      StringBuilder text = new StringBuilder();
      if (event != null) {
        text.append("event: ").append(event).append(newline);
      }
      text.append("data: ").append(data).append(newline).append(newline);
      raw(text.toString());
    }

    void sse(String event, JsonNode data) throws IOException {
      sse(event, JSON.writeValueAsString(data), "\n");
    }

    void raw(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void close() throws IOException {
      out.close();
    }
  }
}
