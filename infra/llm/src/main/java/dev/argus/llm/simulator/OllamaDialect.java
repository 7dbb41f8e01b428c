package dev.argus.llm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's native API: {@code POST /api/chat} streaming NDJSON ({@code message.thinking} before
 * {@code message.content}; the last line {@code done: true} with its counters and durations in
 * nanoseconds) and {@code GET /api/tags}. A key, when the server has one, is a bearer token.
 */
final class OllamaDialect extends Dialect {

  OllamaDialect(SimulatedProviderServer server) {
    super(server);
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String key = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    if (!keyMatches(key)) {
      error(exchange, 401, "unauthorized (simulated)");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("POST") && path.equals("/api/chat")) {
      JsonNode body = body(exchange);
      if (body == null) {
        return;
      }
      if (body.path("stream").isBoolean() && !body.path("stream").asBoolean()) {
        answerWhole(exchange, whole(body));
        return;
      }
      String prompt = body.path("messages").path(0).path("content").asString("");
      stream(
          exchange,
          body.path("model").asString(""),
          body.path("options").path("num_predict").asInt(Integer.MAX_VALUE),
          true,
          promptTokens(prompt));
      return;
    }
    if (method.equals("GET") && path.equals("/api/tags")) {
      ObjectNode tags = object();
      tags.putArray("models");
      for (SimulatedModel model : server.models()) {
        ObjectNode entry =
            tags.withArray("models")
                .addObject()
                .put("name", model.id())
                .put("model", model.id())
                .put("modified_at", "2026-01-01T00:00:00Z")
                .put("size", 4_661_224_676L)
                .put("digest", "sha256:simulated");
        entry
            .putObject("details")
            .put("format", "gguf")
            .put("family", "simulated")
            .put("parameter_size", "8B")
            .put("quantization_level", "Q4_0");
      }
      json(exchange, tags);
      return;
    }
    error(exchange, 404, "404 page not found");
  }

  /** Every message's content and {@code images} (base64), in order. */
  private static WholeRequest whole(JsonNode body) {
    StringBuilder prompt = new StringBuilder();
    List<byte[]> images = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      prompt.append(message.path("content").asString("")).append('\n');
      for (JsonNode image : message.path("images")) {
        images.add(base64(image.asString("")));
      }
    }
    return new WholeRequest(body.path("model").asString(""), prompt.toString(), images);
  }

  @Override
  JsonNode wholeAnswer(String model, String text, int inputTokens, int outputTokens) {
    ObjectNode answer = object().put("model", model).put("created_at", Instant.now().toString());
    answer.putObject("message").put("role", "assistant").put("content", text);
    return answer
        .put("done", true)
        .put("done_reason", "stop")
        .put("total_duration", 1_000_000L)
        .put("load_duration", 1_500_000L)
        .put("prompt_eval_count", inputTokens)
        .put("prompt_eval_duration", 100_000L)
        .put("eval_count", outputTokens)
        .put("eval_duration", 800_000L);
  }

  @Override
  String errorBody(int status, String message) {
    return JSON.writeValueAsString(object().put("error", message));
  }

  @Override
  String contentType() {
    return "application/x-ndjson";
  }

  private ObjectNode line(Answer answer) {
    return object().put("model", answer.model()).put("created_at", Instant.now().toString());
  }

  @Override
  void prelude(Writer out, Answer answer) {
    // Ollama sends nothing before the first token.
  }

  @Override
  void piece(Writer out, Answer answer, int index) throws IOException {
    ChatPlan.Piece piece = answer.plan().pieces().get(index);
    ObjectNode line = line(answer);
    ObjectNode message = line.putObject("message").put("role", "assistant");
    message.put("content", piece.reasoning() ? "" : piece.text());
    if (piece.reasoning()) {
      message.put("thinking", piece.text());
    }
    line.put("done", false);
    out.raw(JSON.writeValueAsString(line) + "\n");
  }

  @Override
  void streamError(Writer out, Answer answer) throws IOException {
    out.raw(errorBody(500, "an error was encountered while running the model (simulated)") + "\n");
  }

  @Override
  void epilogue(Writer out, Answer answer) throws IOException {
    ChatPlan plan = answer.plan();
    ObjectNode line = line(answer);
    line.putObject("message").put("role", "assistant").put("content", "");
    line.put("done", true).put("done_reason", plan.lengthLimited() ? "length" : "stop");
    if (answer.usage()) {
      line.put("total_duration", 1_000_000L)
          .put("load_duration", 1_500_000L)
          .put("prompt_eval_count", plan.promptTokens())
          .put("prompt_eval_duration", 100_000L)
          .put("eval_count", plan.outputTokens())
          .put("eval_duration", 800_000L);
    }
    out.raw(JSON.writeValueAsString(line) + "\n");
  }
}
