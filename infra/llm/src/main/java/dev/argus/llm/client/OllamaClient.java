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
 * Ollama's native API ({@code /api/chat}, {@code /api/tags}), which reports load time and exact
 * token counts that its OpenAI-compatible {@code /v1} does not. An API key, when given, goes as a
 * bearer token (for Ollama behind a proxy that asks for one).
 */
final class OllamaClient extends StreamingProviderClient {

  OllamaClient(ProviderSpec spec, String base, HttpClient http, ProviderClients.Settings settings) {
    super(spec, base, http, settings);
  }

  @Override
  URI chatUri(String model) {
    return URI.create(base + "/api/chat");
  }

  @Override
  String chatBody(ProbeRequest request) {
    ObjectNode body = Json.object();
    body.put("model", request.model());
    body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
    body.put("stream", true);
    body.putObject("options").put("num_predict", request.maxTokens());
    return Json.write(body);
  }

  @Override
  Map<String, String> headers() {
    String key = spec.apiKey();
    return key == null ? Map.of() : Map.of("Authorization", "Bearer " + key);
  }

  @Override
  TimedEventStream.Framing framing() {
    return TimedEventStream.Framing.NDJSON;
  }

  @Override
  TimedEventStream.Listener reader(StreamTally tally) {
    return new OllamaStream(tally);
  }

  @Override
  public List<DiscoveredModel> listModels() throws ProviderException {
    JsonNode json = getJson(URI.create(base + "/api/tags"));
    List<DiscoveredModel> models = new ArrayList<>();
    for (JsonNode entry : json.path("models")) {
      String id = Json.text(entry.path("model"));
      if (id == null) {
        id = Json.text(entry.path("name"));
      }
      if (id == null) {
        continue;
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      OpenAiClient.putIfPresent(metadata, "size", Json.longValue(entry.path("size")));
      OpenAiClient.putIfPresent(metadata, "modified_at", Json.text(entry.path("modified_at")));
      JsonNode details = entry.path("details");
      OpenAiClient.putIfPresent(
          metadata, "parameter_size", Json.text(details.path("parameter_size")));
      OpenAiClient.putIfPresent(
          metadata, "quantization_level", Json.text(details.path("quantization_level")));
      OpenAiClient.putIfPresent(metadata, "family", Json.text(details.path("family")));
      models.add(new DiscoveredModel(id, Json.text(entry.path("name")), metadata));
    }
    return models;
  }
}
