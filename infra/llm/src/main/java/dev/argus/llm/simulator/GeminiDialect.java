package dev.argus.llm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Gemini API: {@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse} with {@code
 * x-goog-api-key}, SSE with CRLF line ends and no {@code [DONE]} (the chunk with {@code
 * finishReason} is the last), thinking parts with {@code thought: true}; {@code GET
 * /v1beta/models?pageSize&pageToken} paged, listing one embedding model besides the chat models, as
 * the real list does.
 */
final class GeminiDialect extends Dialect {

  private static final Pattern CHAT =
      Pattern.compile("/v1beta/models/([^/:]+):streamGenerateContent");

  private static final Pattern WHOLE = Pattern.compile("/v1beta/models/([^/:]+):generateContent");

  /** Listed with the chat models; it cannot generate, so a client must pass it over. */
  static final String EMBEDDING_MODEL = "text-embedding-sim";

  GeminiDialect(SimulatedProviderServer server) {
    super(server);
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    if (!keyMatches(exchange.getRequestHeaders().getFirst("x-goog-api-key"))) {
      error(exchange, 400, "API key not valid. Please pass a valid API key. (simulated)");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Matcher chat = CHAT.matcher(path);
    Matcher whole = WHOLE.matcher(path);
    if (method.equals("POST") && whole.matches()) {
      JsonNode body = body(exchange);
      if (body != null) {
        answerWhole(exchange, whole(whole.group(1), body));
      }
      return;
    }
    if (method.equals("POST") && chat.matches()) {
      if (!"sse".equals(query(exchange, "alt"))) {
        error(exchange, 400, "this simulator streams with alt=sse only");
        return;
      }
      JsonNode body = body(exchange);
      if (body == null) {
        return;
      }
      String prompt = body.path("contents").path(0).path("parts").path(0).path("text").asString("");
      stream(
          exchange,
          chat.group(1),
          body.path("generationConfig").path("maxOutputTokens").asInt(Integer.MAX_VALUE),
          true,
          promptTokens(prompt));
      return;
    }
    if (method.equals("GET") && path.equals("/v1beta/models")) {
      models(exchange);
      return;
    }
    error(exchange, 404, "Method not found. (simulated)");
  }

  /** Text and {@code inline_data} (or {@code inlineData}) parts of every content, in order. */
  private static WholeRequest whole(String model, JsonNode body) {
    StringBuilder prompt = new StringBuilder();
    List<byte[]> images = new ArrayList<>();
    for (JsonNode content : body.path("contents")) {
      for (JsonNode part : content.path("parts")) {
        if (part.path("text").isString()) {
          prompt.append(part.path("text").asString()).append('\n');
        }
        JsonNode inline =
            part.has("inline_data") ? part.path("inline_data") : part.path("inlineData");
        if (inline.isObject()) {
          images.add(base64(inline.path("data").asString("")));
        }
      }
    }
    return new WholeRequest(model, prompt.toString(), images);
  }

  @Override
  JsonNode wholeAnswer(String model, String text, int inputTokens, int outputTokens) {
    ObjectNode answer = object();
    ObjectNode candidate = answer.putArray("candidates").addObject();
    candidate
        .putObject("content")
        .put("role", "model")
        .putArray("parts")
        .addObject()
        .put("text", text);
    candidate.put("finishReason", "STOP").put("index", 0);
    answer
        .putObject("usageMetadata")
        .put("promptTokenCount", inputTokens)
        .put("candidatesTokenCount", outputTokens)
        .put("totalTokenCount", inputTokens + outputTokens);
    answer.put("modelVersion", model);
    return answer;
  }

  private void models(HttpExchange exchange) throws IOException {
    List<SimulatedModel> all = server.models();
    int total = all.size() + 1;
    int from;
    try {
      String token = query(exchange, "pageToken");
      from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token.substring(5));
    } catch (RuntimeException e) {
      error(exchange, 400, "Invalid page token. (simulated)");
      return;
    }
    int size = 50;
    try {
      String given = query(exchange, "pageSize");
      size = given == null ? 50 : Integer.parseInt(given);
    } catch (NumberFormatException e) {
      // default
    }
    int to = Math.min(total, from + Math.min(size, server.pageSize()));
    ObjectNode page = object();
    page.putArray("models");
    for (int i = from; i < to; i++) {
      boolean embedding = i == all.size();
      String id = embedding ? EMBEDDING_MODEL : all.get(i).id();
      ObjectNode entry =
          page.withArray("models")
              .addObject()
              .put("name", "models/" + id)
              .put("displayName", "Simulated " + id)
              .put("inputTokenLimit", 1_048_576)
              .put("outputTokenLimit", 65_536);
      entry
          .putArray("supportedGenerationMethods")
          .add(embedding ? "embedContent" : "generateContent")
          .add("countTokens");
    }
    if (to < total) {
      page.put("nextPageToken", "page-" + to);
    }
    json(exchange, page);
  }

  @Override
  String errorBody(int status, String message) {
    String kind =
        switch (status) {
          case 400 -> "INVALID_ARGUMENT";
          case 401 -> "UNAUTHENTICATED";
          case 404 -> "NOT_FOUND";
          case 429 -> "RESOURCE_EXHAUSTED";
          case 503 -> "UNAVAILABLE";
          default -> "INTERNAL";
        };
    ObjectNode error = object();
    error.putObject("error").put("code", status).put("message", message).put("status", kind);
    return JSON.writeValueAsString(error);
  }

  @Override
  String contentType() {
    return "text/event-stream";
  }

  @Override
  void prelude(Writer out, Answer answer) throws IOException {
    out.raw(": ping\r\n\r\n");
  }

  private ObjectNode chunk(Answer answer, ChatPlan.Piece piece, String finish) {
    ObjectNode chunk = object();
    ObjectNode candidate = chunk.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content").put("role", "model");
    ObjectNode part = content.putArray("parts").addObject().put("text", piece.text());
    if (piece.reasoning()) {
      part.put("thought", true);
    }
    candidate.put("index", 0);
    if (finish != null) {
      candidate.put("finishReason", finish);
    }
    if (answer.usage()) {
      ObjectNode usage =
          chunk.putObject("usageMetadata").put("promptTokenCount", answer.plan().promptTokens());
      if (finish != null) {
        ChatPlan plan = answer.plan();
        usage.put("candidatesTokenCount", plan.answerTokens());
        if (plan.reasoningTokens() > 0) {
          usage.put("thoughtsTokenCount", plan.reasoningTokens());
        }
        usage.put("totalTokenCount", plan.promptTokens() + plan.outputTokens());
      }
    }
    chunk.put("modelVersion", answer.model());
    return chunk;
  }

  @Override
  void piece(Writer out, Answer answer, int index) throws IOException {
    ChatPlan.Piece piece = answer.plan().pieces().get(index);
    out.sse(null, JSON.writeValueAsString(chunk(answer, piece, null)), "\r\n");
  }

  @Override
  void streamError(Writer out, Answer answer) throws IOException {
    out.sse(null, errorBody(500, "An internal error has occurred. (simulated)"), "\r\n");
  }

  @Override
  void epilogue(Writer out, Answer answer) throws IOException {
    // Gemini's last chunk carries the finish reason and the full usage, with empty text.
    ChatPlan.Piece empty = new ChatPlan.Piece(false, "", 0);
    String finish = answer.plan().lengthLimited() ? "MAX_TOKENS" : "STOP";
    out.sse(null, JSON.writeValueAsString(chunk(answer, empty, finish)), "\r\n");
  }
}
