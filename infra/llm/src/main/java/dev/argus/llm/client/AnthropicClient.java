package dev.argus.llm.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Anthropic Messages API; its model list is paged with {@code after_id}. */
final class AnthropicClient extends StreamingProviderClient {

  static final String API_VERSION = "2023-06-01";
  private static final int PAGE_SIZE = 1000;

  AnthropicClient(
      ProviderSpec spec, String base, HttpClient http, ProviderClients.Settings settings) {
    super(spec, base, http, settings);
  }

  @Override
  URI chatUri(String model) {
    return Endpoints.versioned(base, "v1", "/messages");
  }

  @Override
  String chatBody(ProbeRequest request) {
    ObjectNode body = Json.object();
    body.put("model", request.model());
    body.put("max_tokens", request.maxTokens());
    body.put("stream", true);
    body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
    return Json.write(body);
  }

  @Override
  Map<String, String> headers() {
    String key = spec.apiKey();
    return key == null
        ? Map.of("anthropic-version", API_VERSION)
        : Map.of("x-api-key", key, "anthropic-version", API_VERSION);
  }

  @Override
  TimedEventStream.Framing framing() {
    return TimedEventStream.Framing.SSE;
  }

  @Override
  TimedEventStream.Listener reader(StreamTally tally) {
    return new AnthropicStream(tally);
  }

  @Override
  public List<DiscoveredModel> listModels() throws ProviderException {
    return pages(
        new PageReader() {
          @Override
          public URI uri(String cursor) {
            return Endpoints.versioned(
                base,
                "v1",
                "/models?limit="
                    + PAGE_SIZE
                    + (cursor == null ? "" : "&after_id=" + Endpoints.query(cursor)));
          }

          @Override
          public List<DiscoveredModel> models(JsonNode page) {
            List<DiscoveredModel> models = new ArrayList<>();
            for (JsonNode entry : page.path("data")) {
              String id = Json.text(entry.path("id"));
              if (id != null) {
                Map<String, Object> metadata = new LinkedHashMap<>();
                OpenAiClient.putIfPresent(
                    metadata, "created_at", Json.text(entry.path("created_at")));
                models.add(
                    new DiscoveredModel(id, Json.text(entry.path("display_name")), metadata));
              }
            }
            return models;
          }

          @Override
          public String next(JsonNode page) {
            return page.path("has_more").asBoolean(false) ? Json.text(page.path("last_id")) : null;
          }
        });
  }
}
