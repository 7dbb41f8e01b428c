package dev.argus.llm.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI chat completions and every server speaking them, and Azure OpenAI: the same stream on
 * Azure's deployment path ({@code /openai/deployments/{deployment}/chat/completions?api-version=…})
 * with an {@code api-key} header. Azure's model list is the configured deployments (option {@code
 * deployment}, comma-separated): its own listing names base models, which cannot be called.
 */
final class OpenAiClient extends StreamingProviderClient {

  private final boolean azure;

  OpenAiClient(ProviderSpec spec, String base, HttpClient http, ProviderClients.Settings settings) {
    super(spec, base, http, settings);
    this.azure = spec.type().protocol() == WireProtocol.AZURE_OPENAI;
  }

  @Override
  URI chatUri(String model) {
    if (azure) {
      return URI.create(
          base
              + "/openai/deployments/"
              + Endpoints.segment(model)
              + "/chat/completions?api-version="
              + Endpoints.query(apiVersion()));
    }
    return Endpoints.versioned(base, "v1", "/chat/completions");
  }

  private String apiVersion() {
    String version = spec.option("api_version");
    return version != null ? version : ProviderCatalog.AZURE_DEFAULT_API_VERSION;
  }

  @Override
  String chatBody(ProbeRequest request) {
    ObjectNode body = Json.object();
    if (!azure) {
      body.put("model", request.model());
    }
    body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
    body.put("stream", true);
    if (spec.type().sendsStreamOptions()) {
      body.putObject("stream_options").put("include_usage", true);
    }
    body.put(
        spec.type().sendsMaxCompletionTokens() ? "max_completion_tokens" : "max_tokens",
        request.maxTokens());
    return Json.write(body);
  }

  @Override
  Map<String, String> headers() {
    String key = spec.apiKey();
    if (key == null) {
      return Map.of();
    }
    return azure ? Map.of("api-key", key) : Map.of("Authorization", "Bearer " + key);
  }

  @Override
  TimedEventStream.Framing framing() {
    return TimedEventStream.Framing.SSE;
  }

  @Override
  TimedEventStream.Listener reader(StreamTally tally) {
    return new OpenAiStream(tally);
  }

  @Override
  public List<DiscoveredModel> listModels() throws ProviderException {
    if (azure) {
      return deployments();
    }
    JsonNode json = getJson(Endpoints.versioned(base, "v1", "/models"));
    List<DiscoveredModel> models = new ArrayList<>();
    // {"object": "list", "data": [...]} as OpenAI; Together sends the bare array.
    for (JsonNode entry : json.isArray() ? json : json.path("data")) {
      String id = Json.text(entry.path("id"));
      if (id == null) {
        continue;
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      putIfPresent(metadata, "owned_by", Json.text(entry.path("owned_by")));
      putIfPresent(metadata, "created", Json.longValue(entry.path("created")));
      putIfPresent(metadata, "max_model_len", Json.longValue(entry.path("max_model_len")));
      putIfPresent(metadata, "context_length", Json.longValue(entry.path("context_length")));
      putIfPresent(metadata, "type", Json.text(entry.path("type")));
      String name = Json.text(entry.path("display_name"));
      models.add(
          new DiscoveredModel(id, name != null ? name : Json.text(entry.path("name")), metadata));
    }
    return models;
  }

  private List<DiscoveredModel> deployments() throws ProviderException {
    String configured = spec.option("deployment");
    if (configured == null) {
      throw new ProviderException(
          "options.deployment is required for Azure OpenAI: name the deployment(s) to watch,"
              + " comma-separated (Azure's model list is its deployments)",
          null);
    }
    return Arrays.stream(configured.split(","))
        .map(String::strip)
        .filter(d -> !d.isEmpty())
        .distinct()
        .map(d -> new DiscoveredModel(d, d, Map.of("source", "configured deployment")))
        .toList();
  }

  static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
