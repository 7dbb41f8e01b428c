package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.llm.BenchmarksAndAlertsApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/system/health}, {@code …/storage} and {@code …/ssl-status} over the real
 * database and broker, with rows as the processor writes them; and {@code GET /redoc} with its
 * script, served by the api itself.
 */
class SystemStatusIT extends BenchmarksAndAlertsApiTest {

  private static final UUID FRONT_DOOR = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
  private static final UUID GARAGE = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
  private static final UUID YARD = UUID.fromString("00000000-0000-0000-0000-0000000000f3");

  @BeforeEach
  void emptyCameraTables() {
    rows.execute(
        "TRUNCATE camera_status, camera_events, camera_event_frames, camera_event_descriptions,"
            + " probe_results, energy_totals");
    rows.execute("DELETE FROM camera_settings");
    rows.execute("INSERT INTO camera_settings (id) VALUES (1)");
  }

  @Test
  void healthNamesEveryComponentAndTheStaleOnes() {
    // Given: a collector that reports and one silent for 10 minutes (3 × 10 s is stale)
    rows.execute(heartbeat("collector-a", "now() - interval '2 seconds'"));
    rows.execute(heartbeat("collector-b", "now() - interval '10 minutes'"));
    // camera workers: online, offline, and one silent for 5 minutes (2 × 30 s is stale)
    rows.execute(cameraStatus(FRONT_DOOR, "Front door", "online", null, "now()"));
    rows.execute(cameraStatus(GARAGE, "Garage", "offline", "'connection refused'", "now()"));
    rows.execute(cameraStatus(YARD, "Yard", "online", null, "now() - interval '5 minutes'"));
    // an AI chain: a model of an enabled provider, then one of a disabled provider
    UUID first = model("gpt-4.1");
    UUID second = model("gpt-4.1-mini");
    rows.execute(
        "UPDATE llm_providers SET enabled = false WHERE id = (SELECT provider_id FROM llm_models"
            + " WHERE id = '"
            + second
            + "')");
    rows.execute(
        "UPDATE camera_settings SET ai_chain = ARRAY['%s', '%s']::uuid[]".formatted(first, second));

    // When
    Response health = admin("GET", "/api/v1/system/health", null);

    // Then
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    JsonNode body = health.json();
    assertThat(body.path("status").asString()).isEqualTo("degraded");
    JsonNode components = body.path("components");
    assertThat(components.path("database").path("state").asString()).isEqualTo("ok");
    assertThat(components.path("broker").path("state").asString()).isEqualTo("ok");
    assertThat(components.path("broker").path("detail").asString()).contains("1 broker(s)");

    JsonNode collectors = components.path("collectors");
    assertThat(collectors.path("state").asString()).isEqualTo("degraded");
    assertThat(collectors.path("items").get(0).path("collector_id").asString())
        .isEqualTo("collector-a");
    assertThat(collectors.path("items").get(0).path("state").asString()).isEqualTo("ok");
    assertThat(collectors.path("items").get(1).path("state").asString()).isEqualTo("stale");
    assertThat(collectors.path("items").get(1).path("age_seconds").asLong())
        .isGreaterThanOrEqualTo(600);

    JsonNode cameras = components.path("camera_workers");
    assertThat(cameras.path("state").asString()).isEqualTo("degraded");
    assertThat(states(cameras.path("items"), "camera_name"))
        .containsExactly("Front door=online", "Garage=offline", "Yard=stale");
    assertThat(cameras.path("items").get(1).path("reason").asString())
        .isEqualTo("connection refused");
    assertThat(cameras.path("items").get(0).path("fps").asDouble()).isEqualTo(5.0);

    JsonNode ai = components.path("ai_providers");
    JsonNode chain = ai.path("chain");
    assertThat(chain.size()).isEqualTo(2);
    assertThat(chain.get(0).path("position").asInt()).isEqualTo(1);
    assertThat(chain.get(0).path("model_id").asString()).isEqualTo(first.toString());
    assertThat(chain.get(0).path("model").asString()).isEqualTo("gpt-4.1");
    assertThat(chain.get(0).path("provider_type").asString()).isEqualTo("openai");
    assertThat(chain.get(1).path("state").asString()).isEqualTo("disabled");
    assertThat(chain.get(1).path("enabled").asBoolean()).isFalse();

    JsonNode processor = components.path("processor");
    assertThat(processor.path("state").asString()).isEqualTo("ok");
    assertThat(processor.path("table").asString()).isIn("collector_status", "camera_status");
  }

  @Test
  void healthWithoutReportsSaysSoAndAModelDeletedFromTheChainIsMissing() {
    UUID deleted = UUID.randomUUID();
    rows.execute("UPDATE camera_settings SET ai_chain = ARRAY['%s']::uuid[]".formatted(deleted));

    JsonNode components = admin("GET", "/api/v1/system/health", null).json().path("components");

    assertThat(components.path("collectors").path("state").asString()).isEqualTo("down");
    assertThat(components.path("collectors").path("detail").asString())
        .isEqualTo("no collector has reported; is one running?");
    assertThat(components.path("camera_workers").path("state").asString()).isEqualTo("none");
    assertThat(components.path("processor").path("state").asString()).isEqualTo("unknown");
    JsonNode ai = components.path("ai_providers");
    assertThat(ai.path("state").asString()).isEqualTo("down");
    assertThat(ai.path("chain").get(0).path("state").asString()).isEqualTo("missing");
    assertThat(ai.path("chain").get(0).path("model").isNull()).isTrue();

    rows.execute("UPDATE camera_settings SET ai_chain = '{}'");
    JsonNode none = admin("GET", "/api/v1/system/health", null).json().path("components");
    assertThat(none.path("ai_providers").path("state").asString()).isEqualTo("none");
  }

  @Test
  void storageCountsFramesPerCameraAndWhatRetentionWillFree() {
    // Given: two events of the front door (one older than the 30 days of retention), one of the
    // garage; frames of 1000 and 3000 bytes, thumbnails of 100
    UUID recent = event(FRONT_DOOR, "Front door", "now() - interval '1 hour'", 2, 1000);
    UUID old = event(FRONT_DOOR, "Front door", "now() - interval '40 days'", 1, 3000);
    UUID garage = event(GARAGE, "Garage", "now() - interval '2 days'", 1, 1000);
    assertThat(List.of(recent, old, garage)).doesNotHaveDuplicates();

    // When
    Response storage = admin("GET", "/api/v1/system/storage", null);

    // Then
    assertThat(storage.status()).as(storage.body()).isEqualTo(200);
    JsonNode body = storage.json();
    assertThat(body.path("database_bytes").asLong()).isPositive();
    JsonNode frames = body.path("frames");
    assertThat(frames.path("frame_count").asLong()).isEqualTo(4);
    assertThat(frames.path("frame_bytes").asLong()).isEqualTo(6000);
    assertThat(frames.path("thumbnail_bytes").asLong()).isEqualTo(300);
    JsonNode front = frames.path("cameras").get(0);
    assertThat(front.path("camera_id").asString()).isEqualTo(FRONT_DOOR.toString());
    assertThat(front.path("camera_name").asString()).isEqualTo("Front door");
    assertThat(front.path("events").asLong()).isEqualTo(2);
    assertThat(front.path("frame_count").asLong()).isEqualTo(3);
    assertThat(front.path("frame_bytes").asLong()).isEqualTo(5000);
    assertThat(frames.path("cameras").get(1).path("frame_bytes").asLong()).isEqualTo(1000);

    JsonNode retention = body.path("retention");
    assertThat(retention.path("event_retention_days").asInt()).isEqualTo(30);
    assertThat(retention.path("events").asLong()).isEqualTo(1);
    assertThat(retention.path("frame_count").asLong()).isEqualTo(1);
    assertThat(retention.path("frame_bytes").asLong()).isEqualTo(3100);

    List<String> tables = new ArrayList<>();
    body.path("tables").forEach(t -> tables.add(t.path("name").asString()));
    assertThat(tables)
        .contains("camera_events", "camera_event_frames", "power_snapshots", "llm_probe_results");
    body.path("tables")
        .forEach(
            t -> {
              if (t.path("name").asString().equals("camera_event_frames")) {
                assertThat(t.path("bytes").asLong()).isPositive();
              }
            });

    // And a shorter retention frees more
    admin("PUT", "/api/v1/system/settings", "{\"event_retention_days\": 1}");
    JsonNode shorter = admin("GET", "/api/v1/system/storage", null).json().path("retention");
    assertThat(shorter.path("events").asLong()).isEqualTo(2);
    assertThat(shorter.path("frame_bytes").asLong()).isEqualTo(4200);
  }

  @Test
  void sslStatusSaysPlainHttpByDefault() {
    Response status = admin("GET", "/api/v1/system/ssl-status", null);

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().path("enabled").asBoolean()).isFalse();
    assertThat(status.json().path("certificate").isNull()).isTrue();
    assertThat(status.json().path("certificate_path").isNull()).isTrue();
  }

  @Test
  void redocIsServedWithItsScriptFromTheApiItself() throws Exception {
    // Public, like /docs: no key
    Response page = api.get("/redoc");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("spec-url=\"/openapi.json\"");
    // Nothing from elsewhere: no URL with a scheme or a protocol-relative one
    assertThat(page.body()).doesNotContainPattern("(?i)(https?:)?//[a-z0-9]");
    Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page.body());
    assertThat(script.find()).isTrue();
    assertThat(script.group(1)).startsWith("/");

    HttpResponse<String> bundle =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + script.group(1)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(bundle.body()).contains("Redoc").hasSizeGreaterThan(500_000);
  }

  private static List<String> states(JsonNode items, String nameField) {
    List<String> states = new ArrayList<>();
    items.forEach(i -> states.add(i.path(nameField).asString() + "=" + i.path("state").asString()));
    return states;
  }

  private static String heartbeat(String collector, String at) {
    return "INSERT INTO collector_status (collector_id, last_heartbeat, scheduler_running,"
        + " devices_configured, last_cycle_duration_ms, last_cycle_devices_polled,"
        + " last_cycle_errors) VALUES ('"
        + collector
        + "', "
        + at
        + ", true, 0, 0, 0, 0)";
  }

  private static String cameraStatus(
      UUID camera, String name, String state, String reason, String at) {
    return "INSERT INTO camera_status (camera_id, camera_name, collector_id, state, reason, fps,"
        + " updated_at) VALUES ('%s', '%s', 'collector-a', '%s', %s, 5.0, %s)"
            .formatted(camera, name, state, reason == null ? "NULL" : reason, at);
  }

  /** An event as the sink stores it, with {@code frames} frames of {@code bytes} bytes each. */
  private UUID event(UUID camera, String name, String occurredAt, int frames, int bytes) {
    UUID id = UUID.randomUUID();
    rows.execute(
        ("INSERT INTO camera_events (id, reading_id, camera_id, camera_name, occurred_at, source,"
                + " thumbnail) VALUES ('%s', '%s', '%s', '%s', %s, 'motion',"
                + " decode(repeat('ab', 100), 'hex'))")
            .formatted(id, id, camera, name, occurredAt));
    for (int i = 0; i < frames; i++) {
      rows.execute(
          ("INSERT INTO camera_event_frames (event_id, frame_index, captured_at, width, height,"
                  + " jpeg) VALUES ('%s', %d, %s, 640, 360, decode(repeat('ff', %d), 'hex'))")
              .formatted(id, i, occurredAt, bytes));
    }
    return id;
  }
}
