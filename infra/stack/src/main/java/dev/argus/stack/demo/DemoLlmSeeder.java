package dev.argus.stack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the {@link DemoLlmEndpoints} through the running api, as a user would: one provider per
 * endpoint (their names say "simulated"), every demo model monitored, monitoring every minute, and
 * a first run at once — so a newcomer sees uptime history, {@code degraded} and {@code down} within
 * minutes. Only on a stack without providers: one that has some (the demo's from an earlier run, or
 * the user's own) keeps them as they are.
 */
public final class DemoLlmSeeder {

  /** The simulated OpenAI-compatible endpoint checks it as a real provider checks its keys. */
  public static final String DEMO_API_KEY = "sk-argus-demo-simulated";

  /** The models of the demo's benchmark, on both endpoints: a plain one and a reasoning one. */
  private static final List<String> BENCHMARKED = List.of("sim-fast", "sim-reasoning");

  private static final String SLOW = "sim-slow";

  private final JsonMapper json = JsonMapper.builder().build();
  private final DemoApi api;

  /**
   * @param adminKey sent as {@code X-Api-Key}
   * @param out where a request the api refused is reported; seeding never stops the stack
   */
  public DemoLlmSeeder(String apiBaseUrl, String adminKey, PrintStream out) {
    this.api = new DemoApi(apiBaseUrl, adminKey, out);
  }

  /** Registers the endpoints and their models if the api has no providers yet. */
  public void seedOnce(DemoLlmEndpoints endpoints) throws IOException, InterruptedException {
    HttpResponse<String> existing = api.send("GET", "/api/v1/providers", null);
    if (existing.statusCode() != 200 || json.readTree(existing.body()).path("total").asInt() != 0) {
      return;
    }
    String openAi =
        createProvider(
            "openai_compatible",
            "Simulated OpenAI-compatible endpoint (demo)",
            endpoints.openAiCompatibleUrl(),
            DEMO_API_KEY);
    String ollama =
        createProvider("ollama", "Simulated Ollama (demo)", endpoints.ollamaUrl(), null);
    List<String> benchmarked = new ArrayList<>();
    for (String provider : List.of(openAi, ollama)) {
      if (provider == null) {
        return;
      }
      // Discovered as a user would: the provider lists its models, the api adds them.
      if (!api.expect(
          api.send("POST", "/api/v1/providers/" + provider + "/refresh-models", null),
          200,
          "the demo models (discovery)")) {
        return;
      }
      HttpResponse<String> listed =
          api.send("GET", "/api/v1/models?limit=500&provider_id=" + provider, null);
      for (JsonNode model : json.readTree(listed.body()).path("items")) {
        String name = model.path("model_id").asString();
        var change = json.createObjectNode().put("enabled_for_monitoring", true);
        if (name.equals(SLOW)) {
          // It answers after 2.5 s, within the default threshold: a tighter one of its own shows
          // what degraded looks like.
          change.put("ttft_threshold_ms", 1_000);
        }
        String id = model.path("id").asString();
        if (!api.expect(
            api.send("PATCH", "/api/v1/models/" + id, json.writeValueAsString(change)),
            200,
            "a demo model's monitoring")) {
          return;
        }
        if (BENCHMARKED.contains(name)) {
          benchmarked.add(id);
        }
      }
    }
    // The outage model goes down for two minutes in every ten: this rule opens an alert then.
    api.expect(
        api.send(
            "POST",
            "/api/v1/alerts/rules",
            "{\"name\": \"A demo model is down\", \"rule_type\": \"any_model_down\"}"),
        201,
        "the demo's alert rule");
    var benchmark =
        json.createObjectNode()
            .put("name", "Demo: fast and reasoning models, both protocols")
            .put("prompt_pack", "short_answer")
            .put("num_runs", 5)
            .put("max_tokens", 64);
    var models = benchmark.putArray("model_ids");
    benchmarked.forEach(models::add);
    api.expect(
        api.send("POST", "/api/v1/benchmarks", json.writeValueAsString(benchmark)),
        202,
        "the demo's benchmark");
    api.expect(
        api.send(
            "PATCH", "/api/v1/monitoring/config", "{\"interval_minutes\": 1, \"enabled\": true}"),
        200,
        "the demo's monitoring interval");
    api.expect(
        api.send("POST", "/api/v1/monitoring/run", null), 202, "the demo's first monitoring run");
  }

  /** The new provider's id, or null when the api refused it (reported). */
  private String createProvider(String type, String name, String baseUrl, String apiKey)
      throws IOException, InterruptedException {
    var body =
        json.createObjectNode()
            .put("provider_type", type)
            .put("display_name", name)
            .put("base_url", baseUrl);
    var credentials = body.putObject("credentials");
    if (apiKey != null) {
      credentials.put("api_key", apiKey);
    }
    HttpResponse<String> created =
        api.send("POST", "/api/v1/providers", json.writeValueAsString(body));
    if (!api.expect(created, 201, "a demo LLM provider")) {
      return null;
    }
    JsonNode id = json.readTree(created.body()).path("id");
    return id.isMissingNode() ? null : id.asString();
  }
}
