package dev.argus.api.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.testing.OpenApiContract;
import dev.argus.llm.client.WireProtocol;
import dev.argus.llm.simulator.Fault;
import dev.argus.llm.simulator.ModelBehaviour;
import dev.argus.llm.simulator.SimulatedProviderServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole api with a broker, an admin key, and simulated vision providers on loopback ({@link
 * SimulatedProviderServer}: each protocol's real request and answer formats over real HTTP, the
 * descriptions computed from the pixels sent, faults injected per model). Providers and models are
 * created through the api; {@code camera_settings} and the processor's tables are written through
 * the owner connection, as the system settings endpoint and the sink would.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + AiApiTest.ADMIN,
      "argus.security.rate-limit-per-minute=100000"
    })
abstract class AiApiTest extends KafkaApiTest {

  static final String ADMIN = "ai-bootstrap-admin-key-0123456789abcdef0123";
  static final String KEY = "sim-key";

  @Autowired PostgresUsageLedger ledger;

  final List<SimulatedProviderServer> servers = new ArrayList<>();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void emptyAiTables() {
    rows.execute("TRUNCATE ai_usage, camera_events, camera_event_descriptions, cameras CASCADE");
    rows.execute(
        "UPDATE camera_settings SET ai_chain = '{}', ai_max_retries = 0, ai_timeout_seconds = 10,"
            + " daily_cost_cap_usd = NULL, monthly_cost_cap_usd = NULL, description_prompt = NULL");
    ledger.forget();
  }

  @AfterEach
  void stopServers() {
    servers.forEach(SimulatedProviderServer::close);
    servers.clear();
  }

  /** A simulated provider serving {@code model}, answering with {@code fault} (NONE: well). */
  SimulatedProviderServer server(WireProtocol protocol, String model, Fault fault) {
    try {
      SimulatedProviderServer server =
          SimulatedProviderServer.builder(protocol)
              .apiKey(KEY)
              .model(model, ModelBehaviour.defaults().withFault(fault))
              .start();
      servers.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the provider account and its model through the api; returns the llm_models id. */
  String providerModel(String type, String name, SimulatedProviderServer server, String model) {
    Response provider =
        admin(
            "POST",
            "/api/v1/providers",
            "{\"provider_type\": \""
                + type
                + "\", \"display_name\": \""
                + name
                + "\", \"base_url\": \""
                + server.baseUrl()
                + "\", \"credentials\": {\"api_key\": \""
                + KEY
                + "\"}}");
    assertThat(provider.status()).as(provider.body()).isEqualTo(201);
    Response created =
        admin(
            "POST",
            "/api/v1/models",
            "{\"provider_account_id\": \""
                + provider.json().path("id").asString()
                + "\", \"model_id\": \""
                + model
                + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** Sets camera_settings.ai_chain, as PUT /api/v1/system/settings would. */
  void chain(String... modelIds) {
    rows.execute(
        "UPDATE camera_settings SET ai_chain = ARRAY["
            + String.join(",", java.util.Arrays.stream(modelIds).map(id -> "'" + id + "'").toList())
            + "]::uuid[]");
  }

  void dailyCap(String usd) {
    rows.execute("UPDATE camera_settings SET daily_cost_cap_usd = " + usd);
    ledger.forget();
  }

  Response admin(String method, String path, String body) {
    return api.send(method, path, body, "x-api-key", ADMIN);
  }

  /** A POST of a multipart body (which ApiHttp does not send), checked against /openapi.json. */
  Response multipart(String path, Map<String, byte[]> parts) {
    String boundary = "argus" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    parts.forEach(
        (name, bytes) -> {
          String head =
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + name
                  + "\""
                  + (name.equals("image") ? "; filename=\"frame.img\"" : "")
                  + "\r\nContent-Type: "
                  + (name.equals("image") ? "application/octet-stream" : "text/plain")
                  + "\r\n\r\n";
          body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
          body.writeBytes(bytes);
          body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String base = "http://127.0.0.1:" + port();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("x-api-key", ADMIN)
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      OpenApiContract.at(base)
          .assertConforms(
              "POST", path, response.statusCode(), response.headers().map(), response.body());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          "",
          response.body(),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A frame with a bright square on a dark background, in {@code format} (jpeg, png). */
  static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(30, 30, 40));
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(new Color(240, 230, 200));
    graphics.fillRect(width / 2, height / 3, width / 4, height / 3);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Puts a camera event with one frame on argus.camera.events, as the processor would. */
  CameraEvent publishEvent(UUID camera, String cameraName) {
    return publishEvent(camera, cameraName, List.of(), null);
  }

  /** As {@link #publishEvent(UUID, String)}, with what a detector found. */
  CameraEvent publishEvent(
      UUID camera,
      String cameraName,
      List<dev.argus.contract.camera.DetectedObject> objects,
      String detector) {
    String reading = UUID.randomUUID().toString();
    CameraEvent event =
        new CameraEvent(
            CameraEvent.idFor(reading),
            reading,
            camera.toString(),
            cameraName,
            Instant.now(),
            "motion",
            "motion",
            0.4,
            null,
            List.of(new CapturedFrame(Instant.now(), 160, 120, image("jpeg", 160, 120))),
            null,
            "single_frame",
            null,
            List.of(),
            objects,
            detector);
    String topic = Topics.CAMERA_EVENTS.name();
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  event.cameraId(),
                  Topics.CAMERA_EVENTS.valueSerde().serializer().serialize(topic, event)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot publish the camera event", e);
    }
    return event;
  }

  /** The descriptions of {@code eventId} on argus.camera.descriptions, once {@code count} are. */
  static List<EventDescription> descriptionsOf(String eventId, int count) {
    String topic = Topics.CAMERA_DESCRIPTIONS.name();
    var reader = Topics.CAMERA_DESCRIPTIONS.valueSerde().deserializer();
    java.util.function.Function<
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>,
            List<EventDescription>>
        of =
            records ->
                records.stream()
                    .map(r -> reader.deserialize(topic, r.value()))
                    .filter(d -> d != null && d.eventId().equals(eventId))
                    .toList();
    return of.apply(readUntil(topic, records -> of.apply(records).size() >= count));
  }

  long count(String query) {
    return rows.count(query);
  }

  JsonNode parse(String body) {
    return json.readTree(body);
  }
}
