package dev.argus.llm.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Gemini API ({@code generativelanguage.googleapis.com}). Its model list is paged with {@code
 * pageToken} and holds embedding and other models too: only those whose {@code
 * supportedGenerationMethods} include {@code generateContent} are kept. Ids lose Gemini's {@code
 * models/} prefix.
 */
final class GeminiClient extends StreamingProviderClient {

  private static final int PAGE_SIZE = 1000;
  private static final String PREFIX = "models/";

  GeminiClient(ProviderSpec spec, String base, HttpClient http, ProviderClients.Settings settings) {
    super(spec, base, http, settings);
  }

  @Override
  URI chatUri(String model) {
    return Endpoints.versioned(
        base, "v1beta", "/models/" + segment(model) + ":streamGenerateContent?alt=sse");
  }

  @Override
  URI answerUri(String model) {
    return Endpoints.versioned(base, "v1beta", "/models/" + segment(model) + ":generateContent");
  }

  /** The model id as a path segment, without Gemini's {@code models/} prefix if given. */
  private static String segment(String model) {
    return Endpoints.segment(model.startsWith(PREFIX) ? model.substring(PREFIX.length()) : model);
  }

  @Override
  String chatBody(ProbeRequest request) {
    ObjectNode body = Json.object();
    body.putArray("contents")
        .addObject()
        .put("role", "user")
        .putArray("parts")
        .addObject()
        .put("text", request.prompt());
    body.putObject("generationConfig").put("maxOutputTokens", request.maxTokens());
    return Json.write(body);
  }

  @Override
  Map<String, String> headers() {
    String key = spec.apiKey();
    return key == null ? Map.of() : Map.of("x-goog-api-key", key);
  }

  @Override
  TimedEventStream.Framing framing() {
    return TimedEventStream.Framing.SSE;
  }

  @Override
  TimedEventStream.Listener reader(StreamTally tally) {
    return new GeminiStream(tally);
  }

  @Override
  public List<DiscoveredModel> listModels() throws ProviderException {
    return pages(
        new PageReader() {
          @Override
          public URI uri(String cursor) {
            return Endpoints.versioned(
                base,
                "v1beta",
                "/models?pageSize="
                    + PAGE_SIZE
                    + (cursor == null ? "" : "&pageToken=" + Endpoints.query(cursor)));
          }

          @Override
          public List<DiscoveredModel> models(JsonNode page) {
            List<DiscoveredModel> models = new ArrayList<>();
            for (JsonNode entry : page.path("models")) {
              String name = Json.text(entry.path("name"));
              if (name == null || !generates(entry)) {
                continue;
              }
              String id = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
              Map<String, Object> metadata = new LinkedHashMap<>();
              OpenAiClient.putIfPresent(
                  metadata, "input_token_limit", Json.longValue(entry.path("inputTokenLimit")));
              OpenAiClient.putIfPresent(
                  metadata, "output_token_limit", Json.longValue(entry.path("outputTokenLimit")));
              OpenAiClient.putIfPresent(
                  metadata,
                  "thinking",
                  entry.path("thinking").isBoolean() ? entry.path("thinking").asBoolean() : null);
              models.add(new DiscoveredModel(id, Json.text(entry.path("displayName")), metadata));
            }
            return models;
          }

          @Override
          public String next(JsonNode page) {
            return Json.text(page.path("nextPageToken"));
          }
        });
  }

  private static boolean generates(JsonNode entry) {
    JsonNode methods = entry.path("supportedGenerationMethods");
    if (!methods.isArray()) {
      return true;
    }
    for (JsonNode method : methods) {
      if ("generateContent".equals(Json.text(method))
          || "streamGenerateContent".equals(Json.text(method))) {
        return true;
      }
    }
    return false;
  }
}
