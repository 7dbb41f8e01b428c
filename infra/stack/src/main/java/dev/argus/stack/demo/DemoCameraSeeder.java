package dev.argus.stack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the {@link DemoCamera} through the running api, as a user would, and gives the AI
 * descriptions a fallback chain of the demo's simulated LLM endpoints: first the flaky model of the
 * OpenAI-compatible endpoint (it fails every fifth request, so the fallback shows), then the fast
 * model of the Ollama one. Those endpoints are test doubles: their descriptions are computed from
 * the pixels they receive and say "[simulated]". Only on a stack without cameras: one that has some
 * keeps them, and its AI chain, as they are.
 */
public final class DemoCameraSeeder {

  static final String CAMERA_NAME = "Demo yard (simulated snapshot camera)";

  /** The chain's links, in order: (provider display-name fragment, model id). */
  private static final List<String[]> CHAIN =
      List.of(new String[] {"OpenAI-compatible", "sim-flaky"}, new String[] {"Ollama", "sim-fast"});

  private final JsonMapper json = JsonMapper.builder().build();
  private final DemoApi api;

  public DemoCameraSeeder(String apiBaseUrl, String adminKey, PrintStream out) {
    this.api = new DemoApi(apiBaseUrl, adminKey, out);
  }

  /** Adds the camera and the AI chain if the api has no camera yet. */
  public void seedOnce(DemoCamera camera) throws IOException, InterruptedException {
    HttpResponse<String> existing = api.send("GET", "/api/v1/cameras", null);
    if (existing.statusCode() != 200 || json.readTree(existing.body()).path("total").asInt() != 0) {
      return;
    }
    List<String> chain = chainModelIds();
    if (chain.size() != CHAIN.size()) {
      api.report("The demo's AI chain is incomplete: found " + chain + " of its two models");
    }
    if (!chain.isEmpty()) {
      var settings = json.createObjectNode();
      var links = settings.putArray("ai_chain");
      chain.forEach(links::add);
      api.expect(
          api.send("PUT", "/api/v1/system/settings", json.writeValueAsString(settings)),
          200,
          "the demo's AI chain");
    }
    var body =
        json.createObjectNode()
            .put("name", CAMERA_NAME)
            .put("type", "snapshot")
            .put("url", camera.snapshotUrl())
            .put("snapshot_interval_seconds", 1)
            .put("analysis_fps", 1)
            .put("motion_sensitivity", "medium")
            .put("motion_cooldown_seconds", 60)
            .put("analysis_mode", "multi_frame")
            .put("frame_count", 3);
    api.expect(
        api.send("POST", "/api/v1/cameras", json.writeValueAsString(body)), 201, "the demo camera");
  }

  /** The llm_models ids of the chain's links that the LLM demo registered, in chain order. */
  private List<String> chainModelIds() throws IOException, InterruptedException {
    HttpResponse<String> models = api.send("GET", "/api/v1/models?limit=500", null);
    if (models.statusCode() != 200) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String[] link : CHAIN) {
      for (JsonNode model : json.readTree(models.body()).path("items")) {
        if (model.path("provider_name").asString("").contains(link[0])
            && model.path("model_id").asString("").equals(link[1])) {
          ids.add(model.path("id").asString());
        }
      }
    }
    return ids;
  }
}
