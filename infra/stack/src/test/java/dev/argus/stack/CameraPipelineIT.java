package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.camera.detect.NodeDetector;
import dev.argus.camera.testing.DetectorSidecar;
import dev.argus.camera.testing.RtspCamera;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import dev.argus.protect.testing.LoopbackProtectController;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cameras over the real stack: a real RTSP camera (GStreamer on loopback, a moving ball, H.264) →
 * collector (ffmpeg subprocess, motion detection) → broker → processor (cooldown, events) →
 * PostgreSQL → {@code GET /api/v1/events}, described by the api's describer through a fallback
 * chain of two loopback test doubles of real provider protocols: the first (OpenAI-compatible)
 * answers 429 to every request, so the description comes from the second (Ollama), computed from
 * the frames' real pixels. Where Node is installed (CI installs it), the collector's CPU detector
 * (the real CenterNet sidecar) types the events: the ball is motion with no person, the car-park
 * footage is a person. A {@code /ws} client sees {@code event.created} and then {@code
 * event.updated} for the same event, and the camera going away and coming back shows offline, then
 * online. A UniFi Protect controller (a loopback test double of the protocol, over real TLS and a
 * real websocket, with media cut from real footage by ffmpeg) is added through the api; its person
 * detection becomes a described event of a {@code protect} camera on {@code /ws}, and opens the
 * {@code camera_detection} alert of a rule (rules hold on both paths). One stack for the class: the
 * tests run in order and build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CameraPipelineIT {

  private static final String API_KEY = "it-camera-admin-key-0123456789abcdef0123";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StackApi api = new StackApi(() -> this.stack.apiBaseUrl(), API_KEY);
  private final List<JsonNode> live = new CopyOnWriteArrayList<>();
  private RtspCamera camera;
  private LoopbackProtectController protect;
  private SimulatedProviderServer refusing;
  private SimulatedProviderServer answering;
  private LocalStack stack;
  private WebSocket socket;
  private String cameraId;
  private String eventId;
  private Path detector;

  @BeforeAll
  void startEverything() throws Exception {
    camera = RtspCamera.start();
    protect = LoopbackProtectController.start();
    refusing =
        SimulatedProviderServer.builder(WireProtocol.OPENAI)
            .model("it-vision-refusing", ModelBehaviour.defaults().withFault(Fault.RATE_LIMITED))
            .start();
    answering =
        SimulatedProviderServer.builder(WireProtocol.OLLAMA)
            .model("it-vision", ModelBehaviour.defaults())
            .start();
    Map<String, String> environment = new HashMap<>(Map.of("API_KEY", API_KEY));
    // The real detector when Node is here (it is on CI); without Node the events stay untyped.
    detector = NodeDetector.findNode().isPresent() ? DetectorSidecar.directory() : null;
    if (detector != null) {
      environment.put("ARGUS_DETECTOR_DIR", detector.toString());
    }
    stack =
        LocalStack.start(
            StackApi.testStack("it-camera").serviceEnvironment(environment).build(), System.out);
  }

  @AfterAll
  void stopEverything() {
    if (socket != null) {
      socket.abort();
    }
    if (stack != null) {
      stack.close();
    }
    for (AutoCloseable part : new AutoCloseable[] {camera, protect, refusing, answering}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception ignored) {
        // best effort: the next part still closes
      }
    }
  }

  @Test
  @Order(1)
  void theAiChainIsMadeOfTwoProvidersModels() {
    String first =
        visionModel("openai_compatible", "Refusing (429)", refusing, "it-vision-refusing");
    String second = visionModel("ollama", "Answering", answering, "it-vision");
    StackApi.Response saved =
        api.send(
            "PUT",
            "/api/v1/system/settings",
            "{\"ai_chain\": [\"%s\", \"%s\"], \"ai_max_retries\": 0}".formatted(first, second));
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aMovingBallOnARealRtspCameraBecomesADescribedEvent() throws Exception {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("X-API-Key", API_KEY)
            .buildAsync(
                URI.create(stack.apiBaseUrl().replaceFirst("^http", "ws") + "/ws"), new Collector())
            .get(10, TimeUnit.SECONDS);
    StackApi.Response created =
        api.send(
            "POST",
            "/api/v1/cameras",
            """
            {"name": "IT ball", "type": "rtsp", "rtsp_url": "%s", "transport": "tcp",
             "analysis_fps": 5, "motion_sensitivity": "medium", "motion_cooldown_seconds": 600,
             "analysis_mode": "multi_frame", "frame_count": 2}
            """
                .formatted(camera.url(RtspCamera.BALL)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    cameraId = created.body().path("id").asString();

    JsonNode online =
        api.awaitJson(
            "/api/v1/cameras/" + cameraId,
            Duration.ofSeconds(60),
            body -> "online".equals(body.path("status").path("state").asString("")));
    assertThat(online.path("status").path("codec").asString()).isEqualTo("h264");

    JsonNode events =
        api.awaitJson(
            "/api/v1/events?camera_id=" + cameraId,
            Duration.ofSeconds(90),
            body ->
                body.path("total").asInt() >= 1
                    && "described"
                        .equals(body.path("items").get(0).path("description_status").asString("")));
    JsonNode event = events.path("items").get(0);
    // The cooldown of ten minutes holds: the ball never stops, yet there is one event.
    assertThat(events.path("total").asInt()).isEqualTo(1);
    eventId = event.path("id").asString();
    assertThat(event.path("provider").asString()).contains("Answering");
    assertThat(event.path("description").asString()).startsWith("[simulated]");

    JsonNode detail = api.get("/api/v1/events/" + eventId).body();
    assertThat(detail.path("frames")).hasSize(2);
    assertThat(detail.path("thumbnail").asString()).isNotBlank();
    if (detector != null) {
      // The detector ran on the ball's frames and, rightly, found no person in them.
      assertThat(detail.path("detector").asString()).isEqualTo("centernet");
      assertThat(detail.path("detected_objects").toString()).doesNotContain("person");
      assertThat(
              api.get("/api/v1/ai/capabilities")
                  .body()
                  .path("detection")
                  .path("detector")
                  .asString())
          .isEqualTo("centernet");
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> indexOf("event.updated", eventId) >= 0);
    int createdAt = indexOf("event.created", eventId);
    assertThat(createdAt).isGreaterThanOrEqualTo(0);
    assertThat(createdAt).isLessThan(indexOf("event.updated", eventId));
    JsonNode updated = live.get(indexOf("event.updated", eventId)).path("data");
    assertThat(updated.path("outcome").asString()).isEqualTo("described");

    // The refusing provider was tried first, and its 429 is on the usage log.
    JsonNode usage = api.get("/api/v1/ai/usage").body();
    assertThat(usage.toString()).contains("Refusing (429)").contains("Answering");
  }

  @Test
  @Order(3)
  void aCameraThatGoesAwayShowsOfflineAndComesBackByItself() {
    camera.goAway();
    api.awaitJson(
        "/api/v1/cameras/" + cameraId,
        Duration.ofSeconds(60),
        body -> "offline".equals(body.path("status").path("state").asString("")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                live.stream()
                    .anyMatch(
                        m ->
                            "notification.new".equals(m.path("type").asString(""))
                                && m.toString().contains("camera_offline")));
    camera.comeBack();
    api.awaitJson(
        "/api/v1/cameras/" + cameraId,
        Duration.ofSeconds(90),
        body -> "online".equals(body.path("status").path("state").asString("")));
  }

  @Test
  @Order(4)
  void aPersonSeenByAProtectControllerBecomesADescribedEventAndOpensARuleAlert()
      throws InterruptedException {
    StackApi.Response rule =
        api.send(
            "POST",
            "/api/v1/alerts/rules",
            """
            {"name": "People anywhere", "rule_type": "camera_detection",
             "detection_types": ["person"]}
            """);
    assertThat(rule.status()).as(rule.body().toString()).isEqualTo(201);

    String connection =
        """
        {"host": "%s", "port": %d, "username": "%s", "password": "%s", "verify_ssl": false}
        """
            .formatted(
                protect.host(),
                protect.port(),
                LoopbackProtectController.USERNAME,
                LoopbackProtectController.PASSWORD);
    StackApi.Response tested = api.send("POST", "/api/v1/protect/controllers/test", connection);
    assertThat(tested.status()).as(tested.body().toString()).isEqualTo(200);
    assertThat(tested.body().path("success").asBoolean()).as(tested.body().toString()).isTrue();
    assertThat(tested.body().path("nvr_name").asString())
        .isEqualTo(LoopbackProtectController.NVR_NAME);

    StackApi.Response controller =
        api.send(
            "POST",
            "/api/v1/protect/controllers",
            connection.replaceFirst("\\{", "{\"name\": \"IT controller\", "));
    assertThat(controller.status()).as(controller.body().toString()).isEqualTo(201);
    assertThat(controller.body().toString()).doesNotContain(LoopbackProtectController.PASSWORD);
    String controllerId = controller.body().path("id").asString();

    JsonNode listed = api.get("/api/v1/protect/controllers/" + controllerId + "/cameras").body();
    assertThat(listed.toString()).contains(LoopbackProtectController.FRONT_CAMERA);

    StackApi.Response added =
        api.send(
            "POST",
            "/api/v1/cameras",
            """
            {"name": "IT front door", "type": "protect", "protect_controller_id": "%s",
             "protect_camera_id": "%s", "motion_cooldown_seconds": 0,
             "analysis_mode": "single_frame"}
            """
                .formatted(controllerId, LoopbackProtectController.FRONT_CAMERA));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    String protectCameraId = added.body().path("id").asString();

    api.awaitJson(
        "/api/v1/protect/controllers/" + controllerId,
        Duration.ofSeconds(60),
        body -> "connected".equals(body.path("status").path("state").asString("")));
    api.awaitJson(
        "/api/v1/cameras/" + protectCameraId,
        Duration.ofSeconds(60),
        body -> "online".equals(body.path("status").path("state").asString("")));
    assertThat(protect.awaitSubscription(1, Duration.ofSeconds(30))).isTrue();

    protect.startSmartDetection(LoopbackProtectController.FRONT_CAMERA, "person", 88);

    JsonNode events =
        api.awaitJson(
            "/api/v1/events?camera_id=" + protectCameraId,
            Duration.ofSeconds(90),
            body ->
                body.path("total").asInt() >= 1
                    && "described"
                        .equals(body.path("items").get(0).path("description_status").asString("")));
    JsonNode event = events.path("items").get(0);
    String protectEventId = event.path("id").asString();
    assertThat(event.path("source").asString()).isEqualTo("protect");
    assertThat(event.path("detection_type").asString()).isEqualTo("person");
    assertThat(event.path("detector").asString()).isEqualTo("protect");
    assertThat(event.path("description").asString()).startsWith("[simulated]");
    JsonNode detail = api.get("/api/v1/events/" + protectEventId).body();
    assertThat(detail.path("frames")).hasSize(1);
    assertThat(detail.path("detected_objects").toString()).contains("person");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> indexOf("event.updated", protectEventId) >= 0);
    assertThat(indexOf("event.created", protectEventId))
        .isBetween(0, indexOf("event.updated", protectEventId));

    JsonNode alerts =
        api.awaitJson(
            "/api/v1/alerts",
            Duration.ofSeconds(30),
            body -> body.toString().contains(protectEventId));
    assertThat(alerts.toString()).contains(protectCameraId).contains("People anywhere");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                live.stream()
                    .anyMatch(
                        m ->
                            "notification.new".equals(m.path("type").asString(""))
                                && m.toString().contains("camera_detection")));
  }

  @Test
  @Order(5)
  void peopleOnRealFootageAreFoundByTheCpuDetector() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        detector != null, "node is not installed: the CPU detector cannot run here");
    StackApi.Response created =
        api.send(
            "POST",
            "/api/v1/cameras",
            """
            {"name": "IT car park", "type": "rtsp", "rtsp_url": "%s", "transport": "tcp",
             "analysis_fps": 5, "motion_cooldown_seconds": 600, "analysis_mode": "single_frame"}
            """
                .formatted(camera.url(RtspCamera.FOOTAGE)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String carPark = created.body().path("id").asString();

    JsonNode events =
        api.awaitJson(
            "/api/v1/events?camera_id=" + carPark,
            Duration.ofSeconds(120),
            body -> body.path("total").asInt() >= 1);
    JsonNode event = events.path("items").get(0);
    assertThat(event.path("detector").asString()).isEqualTo("centernet");
    assertThat(event.path("detection_type").asString()).isEqualTo("person");
    JsonNode person = api.get("/api/v1/events/" + event.path("id").asString()).body();
    assertThat(person.path("detected_objects").toString()).contains("\"person\"");
  }

  /** Registers a provider, discovers its models, and answers the llm_models id of {@code model}. */
  private String visionModel(
      String type, String name, SimulatedProviderServer server, String model) {
    StackApi.Response provider =
        api.send(
            "POST",
            "/api/v1/providers",
            "{\"provider_type\": \"%s\", \"display_name\": \"%s\", \"base_url\": \"%s\"}"
                .formatted(type, name, server.baseUrl()));
    assertThat(provider.status()).as(provider.body().toString()).isEqualTo(201);
    String providerId = provider.body().path("id").asString();
    assertThat(
            api.send("POST", "/api/v1/providers/" + providerId + "/refresh-models", null).status())
        .isEqualTo(200);
    for (JsonNode found :
        api.get("/api/v1/models?limit=100&provider_id=" + providerId).body().path("items")) {
      if (model.equals(found.path("model_id").asString())) {
        return found.path("id").asString();
      }
    }
    throw new AssertionError("model " + model + " was not discovered on " + name);
  }

  private int indexOf(String type, String id) {
    for (int i = 0; i < live.size(); i++) {
      JsonNode message = live.get(i);
      if (type.equals(message.path("type").asString(""))
          && id.equals(message.path("data").path("id").asString(""))) {
        return i;
      }
    }
    return -1;
  }

  /** Keeps every message of {@code /ws}, in arrival order. */
  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        live.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
