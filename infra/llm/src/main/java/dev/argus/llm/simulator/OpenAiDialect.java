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
 * OpenAI chat completions ({@code /v1/chat/completions}, {@code /v1/models}, bearer key) and, as
 * {@code azure}, Azure OpenAI ({@code
 * /openai/deployments/{deployment}/chat/completions?api-version}, {@code api-key} header, a first
 * chunk with only {@code prompt_filter_results}).
 */
final class OpenAiDialect extends Dialect {

  private static final Pattern AZURE_CHAT =
      Pattern.compile("/openai/deployments/([^/]+)/chat/completions");

  private final boolean azure;

  OpenAiDialect(SimulatedProviderServer server, boolean azure) {
    super(server);
    this.azure = azure;
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    boolean authorized =
        azure
            ? keyMatches(exchange.getRequestHeaders().getFirst("api-key"))
            : keyMatches(bearer(exchange.getRequestHeaders().getFirst("Authorization")));
    if (!authorized) {
      error(exchange, 401, "Incorrect API key provided (simulated)");
      return;
    }
    String method = exchange.getRequestMethod();
    if (azure) {
      Matcher chat = AZURE_CHAT.matcher(path);
      if (method.equals("POST") && chat.matches()) {
        if (query(exchange, "api-version") == null) {
          error(exchange, 404, "Resource not found: api-version is missing (simulated)");
          return;
        }
        chat(exchange, chat.group(1));
        return;
      }
    } else if (method.equals("POST")
        && (path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
      chat(exchange, null);
      return;
    } else if (method.equals("GET") && (path.equals("/v1/models") || path.equals("/models"))) {
      ObjectNode list = object().put("object", "list");
      for (SimulatedModel model : server.models()) {
        list.withArray("data")
            .addObject()
            .put("id", model.id())
            .put("object", "model")
            .put("created", server.startedEpochSecond())
            .put("owned_by", "argus-simulator");
      }
      list.withArray("data");
      json(exchange, list);
      return;
    }
    error(exchange, 404, "no route " + method + " " + path + " on this simulated server");
  }

  private void chat(HttpExchange exchange, String deployment) throws IOException {
    JsonNode body = body(exchange);
    if (body == null) {
      return;
    }
    String model = deployment != null ? deployment : body.path("model").asString("");
    if (!body.path("stream").asBoolean(false)) {
      answerWhole(exchange, whole(model, body.path("messages")));
      return;
    }
    int budget =
        body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(Integer.MAX_VALUE));
    boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
    String prompt = body.path("messages").path(0).path("content").asString("");
    stream(exchange, model, budget, usage, promptTokens(prompt));
  }

  /** Text and {@code image_url} data-URL parts of every message, in order. */
  private static WholeRequest whole(String model, JsonNode messages) {
    StringBuilder prompt = new StringBuilder();
    List<byte[]> images = new ArrayList<>();
    for (JsonNode message : messages) {
      JsonNode content = message.path("content");
      if (content.isString()) {
        prompt.append(content.asString()).append('\n');
      }
      for (JsonNode part : content.isArray() ? content : List.<JsonNode>of()) {
        if (part.path("text").isString()) {
          prompt.append(part.path("text").asString()).append('\n');
        }
        JsonNode image = part.path("image_url");
        String url = image.isString() ? image.asString() : image.path("url").asString(null);
        if (url != null) {
          // A data URL carries the image; an http URL the simulator does not fetch (it is not
          // decodable here, so the request is refused as a real provider refuses a bad image).
          images.add(
              url.startsWith("data:") ? base64(url.substring(url.indexOf(',') + 1)) : new byte[0]);
        }
      }
    }
    return new WholeRequest(model, prompt.toString(), images);
  }

  @Override
  JsonNode wholeAnswer(String model, String text, int inputTokens, int outputTokens) {
    ObjectNode answer =
        object()
            .put("id", "chatcmpl-sim")
            .put("object", "chat.completion")
            .put("created", System.currentTimeMillis() / 1000)
            .put("model", model);
    ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", text).putNull("refusal");
    choice.put("finish_reason", "stop");
    answer
        .putObject("usage")
        .put("prompt_tokens", inputTokens)
        .put("completion_tokens", outputTokens)
        .put("total_tokens", inputTokens + outputTokens);
    return answer;
  }

  private static String bearer(String header) {
    return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
  }

  @Override
  String errorBody(int status, String message) {
    String type =
        switch (status) {
          case 401 -> "invalid_request_error";
          case 429 -> "rate_limit_exceeded";
          case 404 -> "invalid_request_error";
          default -> "server_error";
        };
    String code =
        switch (status) {
          case 401 -> "invalid_api_key";
          case 404 -> "model_not_found";
          default -> null;
        };
    ObjectNode error = object();
    error.putObject("error").put("message", message).put("type", type).put("code", code);
    return JSON.writeValueAsString(error);
  }

  @Override
  String contentType() {
    return "text/event-stream";
  }

  private ObjectNode chunk(Answer answer) {
    return object()
        .put("id", "chatcmpl-sim")
        .put("object", "chat.completion.chunk")
        .put("created", answer.created())
        .put("model", answer.model());
  }

  @Override
  void prelude(Writer out, Answer answer) throws IOException {
    out.raw(": ping\n\n");
    if (azure) {
      ObjectNode filter = object().put("id", "").put("object", "").put("created", 0);
      filter.putArray("choices");
      filter
          .putArray("prompt_filter_results")
          .addObject()
          .put("prompt_index", 0)
          .putObject("content_filter_results")
          .putObject("hate")
          .put("filtered", false)
          .put("severity", "safe");
      out.sse(null, filter);
    }
    if (server.state(answer.model()).behaviour.roleOnlyFirstChunk()) {
      ObjectNode role = chunk(answer);
      ObjectNode choice = role.putArray("choices").addObject().put("index", 0);
      choice.putObject("delta").put("role", "assistant").put("content", "");
      choice.putNull("finish_reason");
      out.sse(null, role);
    }
  }

  @Override
  void piece(Writer out, Answer answer, int index) throws IOException {
    ChatPlan.Piece piece = answer.plan().pieces().get(index);
    ObjectNode chunk = chunk(answer);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice
        .putObject("delta")
        .put(piece.reasoning() ? "reasoning_content" : "content", piece.text());
    choice.putNull("finish_reason");
    out.sse(null, chunk);
  }

  @Override
  void streamError(Writer out, Answer answer) throws IOException {
    out.sse(null, JSON.readTree(errorBody(500, "The model failed while answering (simulated)")));
  }

  @Override
  void epilogue(Writer out, Answer answer) throws IOException {
    ChatPlan plan = answer.plan();
    ObjectNode finish = chunk(answer);
    ObjectNode choice = finish.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta");
    choice.put("finish_reason", plan.lengthLimited() ? "length" : "stop");
    out.sse(null, finish);
    if (answer.usage()) {
      ObjectNode usage = chunk(answer);
      usage.putArray("choices");
      ObjectNode figures =
          usage
              .putObject("usage")
              .put("prompt_tokens", plan.promptTokens())
              .put("completion_tokens", plan.outputTokens())
              .put("total_tokens", plan.promptTokens() + plan.outputTokens());
      figures
          .putObject("completion_tokens_details")
          .put("reasoning_tokens", plan.reasoningTokens());
      out.sse(null, usage);
    }
    out.raw("data: [DONE]\n\n");
  }
}
