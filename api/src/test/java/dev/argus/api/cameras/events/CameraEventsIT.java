package dev.argus.api.cameras.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.cameras.CameraApiTest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/events} over rows written as the processor's sink writes them: pages with filters
 * and text search, one event with frames and history, deletion, statistics and the CSV export.
 */
class CameraEventsIT extends CameraApiTest {

  private static final String FRONT = "11111111-1111-1111-1111-111111111111";
  private static final String YARD = "22222222-2222-2222-2222-222222222222";
  private static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a46494600ffd9");

  private String personAtTheDoor;

  @BeforeEach
  void fiveEventsOnTwoCameras() {
    personAtTheDoor =
        event(FRONT, "Front door", "2026-12-01T08:15:00Z", "person", "A person at the door");
    event(FRONT, "Front door", "2026-12-01T08:45:00Z", "vehicle", "A van parks, 100% sure");
    event(FRONT, "Front door", "2026-12-01T10:05:00Z", "package", "A parcel_box on the step");
    event(YARD, "Yard", "2026-12-01T10:30:00Z", "animal", "A cat crosses, \"quickly\", twice");
    event(YARD, "Yard", "2026-12-02T09:00:00Z", "motion", null);
  }

  @Test
  void pagesAreNewestFirstInTheSeedsEnvelope() {
    // When
    JsonNode first = read("/api/v1/events?limit=2");
    JsonNode third = read("/api/v1/events?limit=2&page=3");
    JsonNode defaults = read("/api/v1/events");

    // Then
    assertThat(first.path("total").asLong()).isEqualTo(5);
    assertThat(first.path("page").asInt()).isEqualTo(1);
    assertThat(first.path("limit").asInt()).isEqualTo(2);
    assertThat(first.path("pages").asLong()).isEqualTo(3);
    assertThat(descriptions(first)).containsExactly("", "A cat crosses, \"quickly\", twice");
    assertThat(third.path("items")).hasSize(1);
    assertThat(third.path("items").get(0).path("id").asString()).isEqualTo(personAtTheDoor);
    assertThat(defaults.path("limit").asInt()).isEqualTo(20);
    JsonNode person = defaults.path("items").get(4);
    assertThat(person.path("camera_name").asString()).isEqualTo("Front door");
    assertThat(person.path("detection_type").asString()).isEqualTo("person");
    assertThat(person.path("description_status").asString()).isEqualTo("described");
    assertThat(person.path("objects").get(0).path("label").asString()).isEqualTo("person");
    assertThat(person.path("provider").asString()).isEqualTo("OpenAI");
    assertThat(person.path("cost_usd").asDouble()).isEqualTo(0.0012);
    assertThat(person.path("frame_count").asInt()).isEqualTo(2);
  }

  @Test
  void filtersAndTextSearchNarrowTheList() {
    assertThat(read("/api/v1/events?camera_id=" + YARD).path("total").asLong()).isEqualTo(2);
    assertThat(read("/api/v1/events?detection_type=vehicle").path("total").asLong()).isEqualTo(1);
    assertThat(
            read("/api/v1/events?start=2026-12-01T08:30:00Z&end=2026-12-01T10:30:00Z")
                .path("total")
                .asLong())
        .isEqualTo(3);
    assertThat(read("/api/v1/events?start=2026-12-02").path("total").asLong()).isEqualTo(1);
    assertThat(read("/api/v1/events?end=2026-12-01").path("total").asLong()).isEqualTo(4);
    assertThat(descriptions(read("/api/v1/events?q=CAT")))
        .containsExactly("A cat crosses, \"quickly\", twice");
    // % and _ are plain text, not wildcards
    assertThat(descriptions(read("/api/v1/events?q=100%25")))
        .containsExactly("A van parks, 100% sure");
    assertThat(descriptions(read("/api/v1/events?q=parcel_box"))).hasSize(1);
    assertThat(read("/api/v1/events?q=parcel%25box").path("total").asLong()).isZero();
    assertThat(read("/api/v1/events?q=l_b").path("total").asLong()).isEqualTo(1);
    assertThat(read("/api/v1/events?q=a_c").path("total").asLong()).isZero();
  }

  @Test
  void badQueriesAre422WithTheStatusCode() {
    for (String query :
        List.of(
            "limit=0",
            "limit=101",
            "page=0",
            "page=abc",
            "camera_id=front",
            "detection_type=robot",
            "start=yesterday",
            "start=2026-12-02&end=2026-12-01",
            "q=" + "x".repeat(201))) {
      Response response = admin("GET", "/api/v1/events?" + query, null);
      assertThat(response.status()).as(query + " → " + response.body()).isEqualTo(422);
      assertThat(response.json().path("detail").asString()).as(query).isNotBlank();
      assertThat(response.json().path("status_code").asInt()).isEqualTo(422);
    }
    assertThat(admin("GET", "/api/v1/events/not-an-id", null).status()).isEqualTo(422);
    Response missing = admin("GET", "/api/v1/events/" + UUID.randomUUID(), null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("status_code").asInt()).isEqualTo(404);
  }

  @Test
  void anEventHasItsFramesDescriptionTimingsAndHistory() {
    // When
    JsonNode event = read("/api/v1/events/" + personAtTheDoor);

    // Then
    assertThat(event.path("camera_id").asString()).isEqualTo(FRONT);
    assertThat(event.path("description").asString()).isEqualTo("A person at the door");
    assertThat(event.path("box").path("width").asDouble()).isEqualTo(0.25);
    assertThat(Base64.getDecoder().decode(event.path("thumbnail").asString())).isEqualTo(JPEG);
    JsonNode frames = event.path("frames");
    assertThat(frames).hasSize(2);
    assertThat(frames.get(1).path("index").asInt()).isEqualTo(1);
    assertThat(frames.get(1).path("size_bytes").asInt()).isEqualTo(JPEG.length);
    assertThat(frames.get(1).path("captured_at").asString()).isEqualTo("2026-12-01T08:15:00.200Z");
    assertThat(Base64.getDecoder().decode(frames.get(0).path("jpeg").asString())).isEqualTo(JPEG);
    assertThat(event.path("input_tokens").asInt()).isEqualTo(900);
    assertThat(event.path("output_tokens").asInt()).isEqualTo(40);
    assertThat(event.path("model").asString()).isEqualTo("gpt-4o-mini");
    JsonNode timings = event.path("timings");
    assertThat(timings.path("described_at").asString()).isEqualTo("2026-12-01T08:15:02Z");
    assertThat(timings.path("ai_latency_ms").asLong()).isEqualTo(1500);
    assertThat(timings.path("description_delay_ms").asLong()).isEqualTo(2000);
    JsonNode history = event.path("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).path("outcome").asString()).isEqualTo("failed");
    assertThat(history.get(0).path("error").asString()).isEqualTo("429 from xAI");
    assertThat(history.get(1).path("outcome").asString()).isEqualTo("described");
    assertThat(history.get(1).path("attempts").toString())
        .isEqualTo("[\"xAI: 429\",\"OpenAI: ok\"]");
  }

  @Test
  void whatTheDetectorFoundIsShownBesideTheDescriptionsObjects() {
    // Given: the sink stored the CPU detector's objects of the event
    rows.execute(
        "UPDATE camera_events SET detector = 'centernet', detector_objects ="
            + " '[{\"label\": \"person\", \"confidence\": 0.91,"
            + " \"box\": {\"x\": 0.1, \"y\": 0.2, \"width\": 0.3, \"height\": 0.6}}]'"
            + " WHERE id = '"
            + personAtTheDoor
            + "'");

    // When
    JsonNode event = read("/api/v1/events/" + personAtTheDoor);
    JsonNode listed =
        read("/api/v1/events?camera_id=" + FRONT)
            .path("items")
            .valueStream()
            .filter(item -> item.path("id").asString().equals(personAtTheDoor))
            .findFirst()
            .orElseThrow();

    // Then
    for (JsonNode shown : List.of(event, listed)) {
      assertThat(shown.path("detector").asString()).isEqualTo("centernet");
      JsonNode detected = shown.path("detected_objects");
      assertThat(detected).hasSize(1);
      assertThat(detected.get(0).path("label").asString()).isEqualTo("person");
      assertThat(detected.get(0).path("confidence").asDouble()).isEqualTo(0.91);
      assertThat(detected.get(0).path("box").path("height").asDouble()).isEqualTo(0.6);
      assertThat(shown.path("objects").get(0).path("confidence").asDouble()).isEqualTo(0.9);
    }
    // and an event without a detector says so
    JsonNode other = read("/api/v1/events?camera_id=" + YARD).path("items").get(0);
    assertThat(other.path("detector").isNull()).isTrue();
    assertThat(other.path("detected_objects").isEmpty()).isTrue();
  }

  @Test
  void deletingAnEventDeletesItsFramesAndHistory() {
    // When
    Response deleted = admin("DELETE", "/api/v1/events/" + personAtTheDoor, null);

    // Then
    assertThat(deleted.status()).isEqualTo(204);
    String id = "'" + personAtTheDoor + "'";
    assertThat(rows.count("SELECT count(*) FROM camera_events WHERE id = " + id)).isZero();
    assertThat(rows.count("SELECT count(*) FROM camera_event_frames WHERE event_id = " + id))
        .isZero();
    assertThat(rows.count("SELECT count(*) FROM camera_event_descriptions WHERE event_id = " + id))
        .isZero();
    assertThat(rows.count("SELECT count(*) FROM camera_events")).isEqualTo(4);
    assertThat(admin("GET", "/api/v1/events/" + personAtTheDoor, null).status()).isEqualTo(404);
    assertThat(admin("DELETE", "/api/v1/events/" + personAtTheDoor, null).status()).isEqualTo(404);
  }

  @Test
  void statsCountPerCameraTypeAndHourOrDay() {
    // When
    JsonNode daily = read("/api/v1/events/stats?start=2026-12-01&end=2026-12-02");
    JsonNode hourly =
        read("/api/v1/events/stats?start=2026-12-01&end=2026-12-01&bucket=hour&camera_id=" + FRONT);

    // Then
    assertThat(daily.path("total").asLong()).isEqualTo(5);
    assertThat(daily.path("bucket").asString()).isEqualTo("day");
    assertThat(daily.path("by_camera").get(0).path("camera_id").asString()).isEqualTo(FRONT);
    assertThat(daily.path("by_camera").get(0).path("count").asLong()).isEqualTo(3);
    assertThat(daily.path("by_camera").get(1).path("camera_name").asString()).isEqualTo("Yard");
    assertThat(daily.path("by_detection_type")).hasSize(5);
    assertThat(daily.path("by_time").toString())
        .isEqualTo(
            "[{\"start\":\"2026-12-01T00:00:00Z\",\"count\":4},"
                + "{\"start\":\"2026-12-02T00:00:00Z\",\"count\":1}]");
    assertThat(hourly.path("total").asLong()).isEqualTo(3);
    assertThat(hourly.path("by_time").toString())
        .isEqualTo(
            "[{\"start\":\"2026-12-01T08:00:00Z\",\"count\":2},"
                + "{\"start\":\"2026-12-01T10:00:00Z\",\"count\":1}]");
    Response week = admin("GET", "/api/v1/events/stats?bucket=week", null);
    assertThat(week.status()).isEqualTo(422);
    assertThat(week.json().path("status_code").asInt()).isEqualTo(422);
  }

  @Test
  void theExportIsCsvWithTheListsFiltersAndProperQuoting() {
    // When
    Response all = admin("GET", "/api/v1/events/export", null);
    Response yard = admin("GET", "/api/v1/events/export?camera_id=" + YARD, null);

    // Then
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.contentType()).startsWith("text/csv");
    String[] lines = all.body().split("\r\n");
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).startsWith("id,occurred_at,camera_id,camera_name,detection_type");
    assertThat(lines[1])
        .startsWith(personAtTheDoor + ",2026-12-01T08:15:00Z," + FRONT + ",Front door,person,")
        .contains(",person,")
        .doesNotContain(Base64.getEncoder().encodeToString(JPEG));
    assertThat(lines[4]).contains(",\"A cat crosses, \"\"quickly\"\", twice\",");
    assertThat(yard.body().split("\r\n")).hasSize(3);
  }

  private JsonNode read(String path) {
    Response response = admin("GET", path, null);
    assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> descriptions(JsonNode page) {
    return page.path("items")
        .valueStream()
        .map(item -> item.path("description").isNull() ? "" : item.path("description").asString())
        .toList();
  }

  /**
   * An event as the sink stores it; a described one with two frames, a thumbnail and a history of a
   * failed then a successful description.
   */
  private String event(String camera, String name, String at, String type, String description) {
    String id = UUID.randomUUID().toString();
    String hex = HexFormat.of().formatHex(JPEG);
    boolean described = description != null;
    rows.execute(
        """
        INSERT INTO camera_events (id, reading_id, camera_id, camera_name, occurred_at, source,
            detection_type, score, box, analysis_mode, thumbnail, description, objects,
            description_status, provider, model, input_tokens, output_tokens, cost_usd,
            ai_latency_ms, described_at)
        VALUES ('%s', 'reading-%s', '%s', '%s', '%s', 'motion', '%s', 0.4,
            '{"x": 0.1, "y": 0.2, "width": 0.25, "height": 0.5}', 'multi_frame',
            decode('%s', 'hex'), %s, '%s', '%s', %s, %s, %s, %s, %s, %s, %s)
        """
            .formatted(
                id,
                id,
                camera,
                name,
                at,
                type,
                hex,
                described ? "'" + description.replace("'", "''") + "'" : "NULL",
                described ? "[{\"label\": \"" + type + "\", \"confidence\": 0.9}]" : "[]",
                described ? "described" : "pending",
                described ? "'OpenAI'" : "NULL",
                described ? "'gpt-4o-mini'" : "NULL",
                described ? "900" : "NULL",
                described ? "40" : "NULL",
                described ? "0.0012" : "NULL",
                described ? "1500" : "NULL",
                described ? "timestamptz '" + at + "' + interval '2 seconds'" : "NULL"));
    for (int index = 0; index < 2; index++) {
      rows.execute(
          "INSERT INTO camera_event_frames (event_id, frame_index, captured_at, width, height,"
              + " jpeg) VALUES ('%s', %d, timestamptz '%s' + interval '%d milliseconds', 640,"
                  .formatted(id, index, at, index * 200)
              + " 360, decode('"
              + hex
              + "', 'hex'))");
    }
    if (described) {
      rows.execute(
          """
          INSERT INTO camera_event_descriptions (id, event_id, described_at, outcome, error,
              attempts)
          VALUES ('%s', '%s', timestamptz '%s' + interval '1 second', 'failed', '429 from xAI',
              '["xAI: 429"]')
          """
              .formatted(UUID.randomUUID(), id, at));
      rows.execute(
          """
          INSERT INTO camera_event_descriptions (id, event_id, described_at, outcome, description,
              detection_type, objects, provider, model, input_tokens, output_tokens, cost_usd,
              latency_ms, attempts)
          VALUES ('%s', '%s', timestamptz '%s' + interval '2 seconds', 'described', '%s', '%s',
              '[{"label": "%s"}]', 'OpenAI', 'gpt-4o-mini', 900, 40, 0.0012, 1500,
              '["xAI: 429", "OpenAI: ok"]')
          """
              .formatted(UUID.randomUUID(), id, at, description.replace("'", "''"), type, type));
    }
    return id;
  }
}
