package dev.argus.llm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Anthropic Messages API: {@code POST /v1/messages} with {@code x-api-key} and {@code
 * anthropic-version}, named SSE events with {@code ping}s, a thinking block before the text block,
 * and {@code GET /v1/models?limit&after_id} paged.
 */
final class AnthropicDialect extends Dialect {

  AnthropicDialect(SimulatedProviderServer server) {
    super(server);
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    if (!keyMatches(exchange.getRequestHeaders().getFirst("x-api-key"))) {
      error(exchange, 401, "invalid x-api-key (simulated)");
      return;
    }
    if (exchange.getRequestHeaders().getFirst("anthropic-version") == null) {
      error(exchange, 400, "anthropic-version: header is required (simulated)");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("POST") && path.equals("/v1/messages")) {
      JsonNode body = body(exchange);
      if (body == null) {
        return;
      }
      if (!body.path("max_tokens").isNumber()) {
        error(exchange, 400, "max_tokens: Field required (simulated)");
        return;
      }
      if (!body.path("stream").asBoolean(false)) {
        answerWhole(exchange, whole(body));
        return;
      }
      String prompt = body.path("messages").path(0).path("content").asString("");
      stream(
          exchange,
          body.path("model").asString(""),
          body.path("max_tokens").asInt(),
          true,
          promptTokens(prompt));
      return;
    }
    if (method.equals("GET") && path.equals("/v1/models")) {
      models(exchange);
      return;
    }
    error(exchange, 404, "Not found: " + method + " " + path + " (simulated)");
  }

  /** Text blocks and base64 {@code image} blocks of every message, in order. */
  private static WholeRequest whole(JsonNode body) {
    StringBuilder prompt = new StringBuilder();
    List<byte[]> images = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      JsonNode content = message.path("content");
      if (content.isString()) {
        prompt.append(content.asString()).append('\n');
      }
      for (JsonNode block : content.isArray() ? content : List.<JsonNode>of()) {
        String type = block.path("type").asString("");
        if (type.equals("text")) {
          prompt.append(block.path("text").asString("")).append('\n');
        } else if (type.equals("image")) {
          JsonNode source = block.path("source");
          images.add(
              source.path("type").asString("").equals("base64")
                  ? base64(source.path("data").asString(""))
                  : new byte[0]);
        }
      }
    }
    return new WholeRequest(body.path("model").asString(""), prompt.toString(), images);
  }

  @Override
  JsonNode wholeAnswer(String model, String text, int inputTokens, int outputTokens) {
    ObjectNode answer =
        object()
            .put("id", "msg_sim")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", model);
    answer.putArray("content").addObject().put("type", "text").put("text", text);
    answer.put("stop_reason", "end_turn").putNull("stop_sequence");
    answer.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
    return answer;
  }

  private void models(HttpExchange exchange) throws IOException {
    List<SimulatedModel> all = server.models();
    String after = query(exchange, "after_id");
    int limit = parse(query(exchange, "limit"), 20);
    int from = 0;
    if (after != null) {
      from = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).id().equals(after)) {
          from = i + 1;
        }
      }
      if (from < 0) {
        error(exchange, 400, "after_id: unknown model id " + after + " (simulated)");
        return;
      }
    }
    int to = Math.min(all.size(), from + Math.min(limit, server.pageSize()));
    ObjectNode page = object();
    page.putArray("data");
    for (SimulatedModel model : all.subList(from, to)) {
      page.withArray("data")
          .addObject()
          .put("type", "model")
          .put("id", model.id())
          .put("display_name", "Simulated " + model.id())
          .put("created_at", "2026-01-01T00:00:00Z");
    }
    page.put("has_more", to < all.size());
    page.put("first_id", from < to ? all.get(from).id() : null);
    page.put("last_id", from < to ? all.get(to - 1).id() : null);
    json(exchange, page);
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Override
  String errorBody(int status, String message) {
    String type =
        switch (status) {
          case 400 -> "invalid_request_error";
          case 401 -> "authentication_error";
          case 404 -> "not_found_error";
          case 429 -> "rate_limit_error";
          case 529 -> "overloaded_error";
          default -> "api_error";
        };
    ObjectNode error = object().put("type", "error");
    error.putObject("error").put("type", type).put("message", message);
    return JSON.writeValueAsString(error);
  }

  @Override
  String contentType() {
    return "text/event-stream";
  }

  @Override
  void prelude(Writer out, Answer answer) throws IOException {
    ObjectNode start = object().put("type", "message_start");
    ObjectNode message =
        start
            .putObject("message")
            .put("id", "msg_sim")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", answer.model());
    message.putArray("content");
    message.putNull("stop_reason");
    if (answer.usage()) {
      message
          .putObject("usage")
          .put("input_tokens", answer.plan().promptTokens())
          .put("output_tokens", 1);
    }
    out.sse("message_start", start);
    out.sse("ping", object().put("type", "ping"));
  }

  @Override
  void piece(Writer out, Answer answer, int index) throws IOException {
    List<ChatPlan.Piece> pieces = answer.plan().pieces();
    ChatPlan.Piece piece = pieces.get(index);
    boolean firstOfBlock = index == 0 || pieces.get(index - 1).reasoning() != piece.reasoning();
    int block = piece.reasoning() || answer.plan().reasoningTokens() == 0 ? 0 : 1;
    if (firstOfBlock) {
      if (block == 1) {
        out.sse("content_block_delta", signature());
        out.sse("content_block_stop", object().put("type", "content_block_stop").put("index", 0));
      }
      ObjectNode start = object().put("type", "content_block_start").put("index", block);
      if (piece.reasoning()) {
        start.putObject("content_block").put("type", "thinking").put("thinking", "");
      } else {
        start.putObject("content_block").put("type", "text").put("text", "");
      }
      out.sse("content_block_start", start);
      if (index == 0) {
        out.sse("ping", object().put("type", "ping"));
      }
    }
    ObjectNode delta = object().put("type", "content_block_delta").put("index", block);
    if (piece.reasoning()) {
      delta.putObject("delta").put("type", "thinking_delta").put("thinking", piece.text());
    } else {
      delta.putObject("delta").put("type", "text_delta").put("text", piece.text());
    }
    out.sse("content_block_delta", delta);
  }

  private static ObjectNode signature() {
    ObjectNode delta = object().put("type", "content_block_delta").put("index", 0);
    delta.putObject("delta").put("type", "signature_delta").put("signature", "c2ltdWxhdGVk");
    return delta;
  }

  @Override
  void streamError(Writer out, Answer answer) throws IOException {
    out.sse("error", JSON.readTree(errorBody(529, "Overloaded (simulated)")));
  }

  @Override
  void epilogue(Writer out, Answer answer) throws IOException {
    ChatPlan plan = answer.plan();
    if (!plan.pieces().isEmpty()) {
      int last = plan.answerTokens() > 0 && plan.reasoningTokens() > 0 ? 1 : 0;
      out.sse("content_block_stop", object().put("type", "content_block_stop").put("index", last));
    }
    ObjectNode delta = object().put("type", "message_delta");
    delta
        .putObject("delta")
        .put("stop_reason", plan.lengthLimited() ? "max_tokens" : "end_turn")
        .putNull("stop_sequence");
    if (answer.usage()) {
      delta.putObject("usage").put("output_tokens", plan.outputTokens());
    }
    out.sse("message_delta", delta);
    out.sse("message_stop", object().put("type", "message_stop"));
  }
}
