package dev.argus.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.WebSocketClient;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraEventType;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.camera.RelativeBox;
import dev.argus.contract.events.DerivedEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code WS /ws} on the real broker with the JDK's WebSocket client: a record published to each fed
 * topic reaches the client as its message type, frames left out; the {@code types} filter; and the
 * handshake's refusals.
 */
class LiveHubIT extends BenchmarksAndAlertsApiTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
  private static final String CAMERA = "00000000-0000-0000-0000-0000000000c1";

  @Autowired LiveFeed feed;

  @BeforeEach
  void aLiveFeed() {
    Awaitility.await("the live feed reads its topics")
        .atMost(Duration.ofSeconds(60))
        .until(feed::isLive);
  }

  @Test
  void everyFedTopicReachesTheClientAsItsMessageType() {
    try (WebSocketClient client = WebSocketClient.open(ws(""), "x-api-key", BOOTSTRAP)) {
      // Given: a camera event with an 8 MB-class frame, as the processor publishes it
      byte[] frame = new byte[3 * 1024 * 1024];
      byte[] thumbnail = {(byte) 0xff, (byte) 0xd8, 1, 2, 3};
      CameraEvent event = event("reading-1", frame, thumbnail);

      // When
      publish(Topics.CAMERA_EVENTS, CAMERA, event);

      // Then
      JsonNode created = client.next();
      assertThat(created.path("type").asString()).isEqualTo("event.created");
      assertThat(created.path("at").asString()).isEqualTo(AT.toString());
      JsonNode data = created.path("data");
      assertThat(data.path("id").asString()).isEqualTo(event.eventId());
      assertThat(data.path("camera_id").asString()).isEqualTo(CAMERA);
      assertThat(data.path("camera_name").asString()).isEqualTo("Front door");
      assertThat(data.path("occurred_at").asString()).isEqualTo(AT.toString());
      assertThat(data.path("detection_type").asString()).isEqualTo("motion");
      assertThat(data.path("score").asDouble()).isEqualTo(0.42);
      assertThat(data.path("box").path("width").asDouble()).isEqualTo(0.25);
      assertThat(data.path("frame_count").asInt()).isEqualTo(1);
      assertThat(Base64.getDecoder().decode(data.path("thumbnail").asString()))
          .isEqualTo(thumbnail);
      assertThat(data.has("frames")).isFalse();

      // And the description, the camera's status and an alert
      publish(Topics.CAMERA_DESCRIPTIONS, CAMERA, description(event.eventId()));
      JsonNode updated = client.next();
      assertThat(updated.path("type").asString()).isEqualTo("event.updated");
      assertThat(updated.path("data").path("id").asString()).isEqualTo(event.eventId());
      assertThat(updated.path("data").path("description").asString())
          .isEqualTo("A person walks to the door.");
      assertThat(updated.path("data").path("detection_type").asString()).isEqualTo("person");
      assertThat(updated.path("data").path("objects").get(0).path("label").asString())
          .isEqualTo("person");
      assertThat(updated.path("data").path("provider").asString()).isEqualTo("Simulated OpenAI");
      assertThat(updated.path("data").path("outcome").asString()).isEqualTo("described");

      publish(Topics.CAMERA_STATUS, CAMERA, status("offline", "connection refused"));
      JsonNode status = client.next();
      assertThat(status.path("type").asString()).isEqualTo("camera.status");
      assertThat(status.path("data").path("camera_id").asString()).isEqualTo(CAMERA);
      assertThat(status.path("data").path("state").asString()).isEqualTo("offline");
      assertThat(status.path("data").path("reason").asString()).isEqualTo("connection refused");

      publish(Topics.EVENTS, CAMERA, cameraOffline());
      JsonNode notification = client.next();
      assertThat(notification.path("type").asString()).isEqualTo("notification.new");
      JsonNode alert = notification.path("data");
      assertThat(alert.path("source").asString()).isEqualTo("camera");
      assertThat(alert.path("type").asString()).isEqualTo("camera_offline");
      assertThat(alert.path("severity").asString()).isEqualTo("high");
      assertThat(alert.path("subject").asString()).isEqualTo(CAMERA);
      assertThat(alert.path("subject_name").asString()).isEqualTo("Front door");
      assertThat(alert.path("message").asString()).isEqualTo("camera_offline on camera Front door");
    }
  }

  @Test
  void aClientGetsOnlyTheTypesItAskedFor() {
    try (WebSocketClient statusOnly =
            WebSocketClient.open(
                ws("?types=camera.status,notification.new"), "x-api-key", BOOTSTRAP);
        WebSocketClient everything = WebSocketClient.open(ws(""), "x-api-key", BOOTSTRAP)) {
      // When: an event, then a status
      CameraEvent event = event("reading-2", new byte[] {1}, null);
      publish(Topics.CAMERA_EVENTS, CAMERA, event);
      assertThat(everything.next().path("type").asString()).isEqualTo("event.created");
      publish(Topics.CAMERA_STATUS, CAMERA, status("online", null));

      // Then: the filtered client's first message is the status
      assertThat(everything.next().path("type").asString()).isEqualTo("camera.status");
      JsonNode first = statusOnly.next();
      assertThat(first.path("type").asString()).isEqualTo("camera.status");
      assertThat(first.path("data").path("state").asString()).isEqualTo("online");
    }
  }

  @Test
  void theKeyMayComeAsTheApiKeyQueryParameterAsBrowsersCannotSetHeaders() {
    String reader = newKey("\"read:events\"");
    try (WebSocketClient browser =
        WebSocketClient.open(ws("?types=camera.status&api_key=" + reader))) {
      publish(Topics.CAMERA_STATUS, CAMERA, status("error", "401 Unauthorized"));

      JsonNode status = browser.next();
      assertThat(status.path("type").asString()).isEqualTo("camera.status");
      assertThat(status.path("data").path("reason").asString()).isEqualTo("401 Unauthorized");
    }
    assertThat(WebSocketClient.refusedStatus(ws("?api_key=argus_wrong-0123456789abcdef0")))
        .isEqualTo(401);
  }

  @Test
  void theHandshakeNeedsAKeyAndKnownTypes() {
    assertThat(WebSocketClient.refusedStatus(ws(""))).isEqualTo(401);
    assertThat(WebSocketClient.refusedStatus(ws(""), "x-api-key", "argus_wrong-0123456789abcdef0"))
        .isEqualTo(401);
    assertThat(WebSocketClient.refusedStatus(ws("?types=event.deleted"), "x-api-key", BOOTSTRAP))
        .isEqualTo(422);
    Response unknownType = admin("GET", "/ws?types=event.deleted", null);
    assertThat(unknownType.status()).isEqualTo(422);
    assertThat(unknownType.json().path("detail").asString())
        .isEqualTo(
            "types: unknown message type 'event.deleted'; use a comma-separated list of"
                + " event.created, event.updated, camera.status, notification.new");
    Response plain = admin("GET", "/ws", null);
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.json().path("detail").asString()).startsWith("This is a WebSocket");
  }

  private URI ws(String query) {
    return URI.create("ws://127.0.0.1:" + port() + "/ws" + query);
  }

  private static CameraEvent event(String readingId, byte[] frame, byte[] thumbnail) {
    return new CameraEvent(
        CameraEvent.idFor(readingId),
        readingId,
        CAMERA,
        "Front door",
        AT,
        "motion",
        "motion",
        0.42,
        new RelativeBox(0.5, 0.25, 0.25, 0.5),
        List.of(new CapturedFrame(AT, 640, 360, frame)),
        thumbnail,
        "single_frame",
        null,
        List.of(),
        List.of(),
        null);
  }

  private static EventDescription description(String eventId) {
    return new EventDescription(
        UUID.randomUUID().toString(),
        eventId,
        CAMERA,
        AT.plusSeconds(3),
        EventDescription.DESCRIBED,
        "A person walks to the door.",
        "person",
        List.of(new DetectedObject("person", 0.9, null)),
        "Simulated OpenAI",
        "gpt-4.1",
        120,
        30,
        0.0012,
        2_100L,
        List.of("Simulated OpenAI: ok"),
        null,
        null,
        false);
  }

  private static CameraStatus status(String state, String reason) {
    return new CameraStatus(
        CAMERA, "Front door", "collector-1", state, reason, null, 640, 360, "h264", AT, null);
  }

  private static DerivedEvent cameraOffline() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("camera_name", "Front door");
    metadata.put("reason", "connection refused");
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        DerivedEvent.SOURCE_CAMERA,
        CAMERA,
        CameraEventType.CAMERA_OFFLINE.wireName(),
        CameraEventType.CAMERA_OFFLINE.severity(),
        AT,
        metadata);
  }

  private static <V> void publish(Topic<String, V> topic, String key, V value) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Topics.CAMERA_MAX_MESSAGE_BYTES),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value));
      producer.flush();
    }
  }
}
