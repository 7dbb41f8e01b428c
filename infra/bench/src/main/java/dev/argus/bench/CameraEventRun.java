package dev.argus.bench;

import dev.argus.camera.scene.SyntheticScene;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Motion → {@code event.created} on {@code /ws} through the whole stack: a {@link
 * ScriptedMjpegCamera} whose box moves at known instants is created as an MJPEG camera through
 * {@code POST /api/v1/cameras} (cooldown 0, single frame, analysed at 5 fps), so the collector's
 * camera worker reads it through ffmpeg, publishes a motion reading, the processor's camera
 * topology makes it a camera event, and the api's live hub sends {@code event.created} to this
 * benchmark's WebSocket (the JDK client, with the admin key).
 *
 * <p>Per episode of motion the first {@code event.created} counts: latency from the instant the
 * first moved frame was flushed by the camera, and from the event's {@code occurred_at} (the
 * collector's capture time of that frame: the pipeline alone). Same machine, same clock.
 */
final class CameraEventRun {

  /**
   * @param fromMotion first moved frame flushed → {@code event.created} received, ms; null when no
   *     episode had an event
   * @param fromReading the event's {@code occurred_at} → received, ms; null likewise
   * @param episodes episodes of motion measured
   * @param missed of those, episodes with no {@code event.created}
   * @param brokerHop the reference: one record producer → broker → consumer, ms
   */
  record Outcome(
      Percentiles fromMotion,
      Percentiles fromReading,
      int episodes,
      int missed,
      Percentiles brokerHop) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The camera's analysis_fps, as the issue asks. */
  static final double FPS = 5;

  /**
   * The rate the MJPEG camera sends at: the analysis rate, as a real 5 fps camera would (the
   * collector stamps HTTP MJPEG frames on arrival, so its fps filter keeps them all).
   */
  static final double STREAM_FPS = 5;

  private final BenchStack stack;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();

  CameraEventRun(BenchStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  private record Received(Instant at, String cameraId, Instant occurredAt) {}

  Outcome run(int episodes, Duration period, Duration moving) throws Exception {
    SyntheticScene scene = SyntheticScene.repeating(640, 360, period, moving);
    List<Received> created = new CopyOnWriteArrayList<>();
    AtomicReference<Instant> online = new AtomicReference<>();
    AtomicReference<String> cameraId = new AtomicReference<>();
    WebSocket ws = connect(created, online, cameraId);
    String id = null;
    try (ScriptedMjpegCamera camera = new ScriptedMjpegCamera(scene, STREAM_FPS)) {
      id = createCamera(camera.url());
      cameraId.set(id);
      out.printf("[camera] camera %s created over %s; waiting for it online%n", id, camera.url());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (online.get() == null && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      if (online.get() == null) {
        throw new IllegalStateException(
            "The camera did not report online within 60 s; see the collector's log under "
                + "infra/bench/target/bench/stack");
      }
      // The detector's first picture is its background: measure from the next full period on.
      Instant from = online.get().plus(period);
      out.printf("[camera] online; measuring %d episodes of motion%n", episodes);
      Thread.sleep(period.multipliedBy(episodes + 1).plus(period));
      Thread.sleep(5_000);
      return outcome(camera.motionStarts(), created, id, from, episodes);
    } finally {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      if (id != null) {
        send("DELETE", "/api/v1/cameras/" + id, null);
      }
    }
  }

  private Outcome outcome(
      Map<Long, Instant> starts, List<Received> created, String id, Instant from, int episodes)
      throws Exception {
    List<Instant> motion =
        new TreeMap<>(starts)
            .values().stream().filter(s -> !s.isBefore(from)).limit(episodes + 1L).toList();
    List<Double> fromMotion = new ArrayList<>();
    List<Double> fromReading = new ArrayList<>();
    int measured = 0;
    int missed = 0;
    for (int i = 0; i + 1 < motion.size(); i++) {
      Instant start = motion.get(i);
      Instant next = motion.get(i + 1);
      measured++;
      Received first =
          created.stream()
              .filter(r -> id.equals(r.cameraId()))
              .filter(r -> !r.occurredAt().isBefore(start) && r.occurredAt().isBefore(next))
              .min((a, b) -> a.at().compareTo(b.at()))
              .orElse(null);
      if (first == null) {
        missed++;
        continue;
      }
      fromMotion.add(Duration.between(start, first.at()).toNanos() / 1e6);
      fromReading.add(Duration.between(first.occurredAt(), first.at()).toNanos() / 1e6);
    }
    out.printf(
        "[camera] %d episodes, %d without an event; %d event.created received in all%n",
        measured, missed, created.size());
    Percentiles hop = KafkaRoundTrip.measure(stack.kafkaBootstrap(), 50, 2_048);
    return new Outcome(
        fromMotion.isEmpty() ? null : Percentiles.of(fromMotion),
        fromMotion.isEmpty() ? null : Percentiles.of(fromReading),
        measured,
        missed,
        hop);
  }

  private WebSocket connect(
      List<Received> created, AtomicReference<Instant> online, AtomicReference<String> cameraId)
      throws Exception {
    URI uri =
        URI.create(
            stack.apiBaseUrl().replaceFirst("^http", "ws")
                + "/ws?types=event.created,camera.status");
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              Instant at = Instant.now();
              String message = text.toString();
              text.setLength(0);
              handle(message, at);
            }
            socket.request(1);
            return null;
          }

          private void handle(String message, Instant at) {
            JsonNode node = JSON.readTree(message);
            JsonNode data = node.path("data");
            String camera = data.path("camera_id").asString(null);
            switch (node.path("type").asString("")) {
              case "event.created" ->
                  created.add(
                      new Received(at, camera, Instant.parse(data.path("occurred_at").asString())));
              case "camera.status" -> {
                if (camera != null
                    && camera.equals(cameraId.get())
                    && "online".equals(data.path("state").asString(null))) {
                  online.compareAndSet(null, at);
                }
              }
              default -> {}
            }
          }
        };
    CompletableFuture<WebSocket> socket =
        http.newWebSocketBuilder()
            .header("X-Api-Key", stack.adminKey())
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, listener);
    return socket.get();
  }

  private String createCamera(String url) throws IOException, InterruptedException {
    var body =
        JSON.createObjectNode()
            .put("name", "bench camera " + System.currentTimeMillis())
            .put("type", "mjpeg")
            .put("url", url)
            .put("analysis_fps", FPS)
            .put("motion_sensitivity", "medium")
            .put("motion_cooldown_seconds", 0)
            .put("analysis_mode", "single_frame");
    HttpResponse<String> created = send("POST", "/api/v1/cameras", JSON.writeValueAsString(body));
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "The api refused the camera (" + created.statusCode() + "): " + created.body());
    }
    return JSON.readTree(created.body()).path("id").asString();
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
            .timeout(Duration.ofSeconds(15))
            .header("X-Api-Key", stack.adminKey());
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
