package dev.argus.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.secrets.SecretContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/cameras} over HTTP against a real PostgreSQL: what is stored (the password
 * encrypted), what is queued for {@code argus.config} in the same transaction, what is answered
 * (never the password), and the 422/404/409 answers with {@code status_code}.
 */
class CamerasIT extends CameraApiTest {

  private static final String FRONT_DOOR =
      """
      {"name": "Front door", "type": "rtsp", "rtsp_url": "rtsp://127.0.0.1:8554/front",
       "username": "viewer", "password": "s3cret-camera-pass"}
      """;

  @Test
  void aCreatedCameraIsAnsweredWithDefaultsAndNeverItsPassword() {
    // When
    Response created = admin("POST", "/api/v1/cameras", FRONT_DOOR);

    // Then
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("s3cret-camera-pass").doesNotContain("\"password\"");
    JsonNode camera = created.json();
    assertThat(camera.path("has_password").asBoolean()).isTrue();
    assertThat(camera.path("username").asString()).isEqualTo("viewer");
    assertThat(camera.path("transport").asString()).isEqualTo("tcp");
    assertThat(camera.path("enabled").asBoolean()).isTrue();
    assertThat(camera.path("started").asBoolean()).isTrue();
    assertThat(camera.path("analysis_fps").asDouble()).isEqualTo(5.0);
    assertThat(camera.path("motion_sensitivity").asString()).isEqualTo("medium");
    assertThat(camera.path("motion_cooldown_seconds").asInt()).isEqualTo(60);
    assertThat(camera.path("analysis_mode").asString()).isEqualTo("single_frame");
    assertThat(camera.path("frame_count").asInt()).isEqualTo(3);
    assertThat(camera.path("url").isNull()).isTrue();
    assertThat(camera.path("status").isNull()).isTrue();
    String id = camera.path("id").asString();
    assertThat(admin("GET", "/api/v1/cameras/" + id, null).json()).isEqualTo(camera);
    JsonNode list = admin("GET", "/api/v1/cameras", null).json();
    assertThat(list.path("total").asInt()).isEqualTo(1);
    assertThat(list.path("cameras").get(0).path("id").asString()).isEqualTo(id);
  }

  @Test
  void thePasswordIsStoredAndQueuedEncryptedForTheCollectors() {
    // When
    String id = created(FRONT_DOOR);

    // Then: the row holds an envelope bound to the camera
    String stored =
        rows.text("SELECT credentials->>'password' FROM cameras WHERE id = '" + id + "'");
    assertThat(stored).startsWith("enc:").doesNotContain("s3cret");
    SecretContext context = SecretContext.cameraField(id, "password");
    assertThat(secrets.decrypt(stored, context)).isEqualTo("s3cret-camera-pass");
    // and the outbox, written in the same transaction, carries the same envelope
    String queued =
        rows.text(
            "SELECT record_value::text FROM config_outbox WHERE topic = 'argus.config'"
                + " AND record_key = 'camera/"
                + id
                + "'");
    assertThat(queued).doesNotContain("s3cret");
    CameraConfig config = entry(queued).camera();
    assertThat(config.name()).isEqualTo("Front door");
    assertThat(config.rtspUrl()).isEqualTo("rtsp://127.0.0.1:8554/front");
    assertThat(config.shouldRun()).isTrue();
    assertThat(secrets.decrypt(config.credentials().get("password"), context))
        .isEqualTo("s3cret-camera-pass");
  }

  @Test
  void aPutChangesTheGivenFieldsAndKeepsThePasswordUnlessOneIsSent() {
    // Given
    String id = created(FRONT_DOOR);
    String path = "/api/v1/cameras/" + id;

    // When: a partial change, then GET-edit-PUT of a whole answer
    Response renamed =
        admin("PUT", path, "{\"name\": \"Porch\", \"motion_sensitivity\": \"high\"}");
    JsonNode edited = admin("GET", path, null).json();
    Response sentBack = admin("PUT", path, edited.toString());

    // Then
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("name").asString()).isEqualTo("Porch");
    assertThat(renamed.json().path("motion_sensitivity").asString()).isEqualTo("high");
    assertThat(renamed.json().path("rtsp_url").asString()).isEqualTo("rtsp://127.0.0.1:8554/front");
    assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
    assertThat(sentBack.json().path("has_password").asBoolean()).isTrue();
    assertThat(decryptedPassword(id)).isEqualTo("s3cret-camera-pass");

    // When: a new password, then "" removes it; null resets a field to its default
    admin("PUT", path, "{\"password\": \"another-one\"}");
    String replaced = decryptedPassword(id);
    Response removed = admin("PUT", path, "{\"password\": \"\", \"motion_sensitivity\": null}");

    // Then
    assertThat(replaced).isEqualTo("another-one");
    assertThat(removed.json().path("has_password").asBoolean()).isFalse();
    assertThat(removed.json().path("motion_sensitivity").asString()).isEqualTo("medium");
    assertThat(
            rows.count("SELECT count(*) FROM cameras WHERE credentials->>'password' IS NOT NULL"))
        .isZero();
    assertThat(
            rows.count("SELECT count(*) FROM config_outbox WHERE record_key = 'camera/" + id + "'"))
        .isEqualTo(5);
  }

  @Test
  void everyKindOfCameraIsAcceptedWithItsOwnFieldsOnly() {
    // When
    Response snapshot =
        admin(
            "POST",
            "/api/v1/cameras",
            """
            {"name": "Yard", "type": "snapshot", "url": "http://127.0.0.1:8080/snap.jpg?x=1",
             "snapshot_interval_seconds": 2, "rtsp_url": "rtsp://ignored/",
             "analysis_mode": "multi_frame", "frame_count": 5, "analysis_fps": 0.5,
             "smart_detection_types": ["person", "Vehicle", "person"],
             "detection_zones": [{"name": "path", "polygon": [{"x": 0, "y": 0}, {"x": 1, "y": 0},
                 {"x": 0.5, "y": 1}]}],
             "detection_schedule": {"days": ["sat", "mon"], "start_time": "22:00",
                 "end_time": "06:30", "timezone": "Europe/Paris"},
             "prompt_override": "Say who is in the yard.", "collector": "collector-2"}
            """);
    Response mjpeg =
        admin(
            "POST",
            "/api/v1/cameras",
            "{\"name\": \"Lab\", \"type\": \"mjpeg\", \"url\": \"https://127.0.0.1/stream\"}");
    Response usb =
        admin(
            "POST",
            "/api/v1/cameras",
            "{\"name\": \"Desk\", \"type\": \"usb\", \"device_path\": \"/dev/video0\","
                + " \"enabled\": false}");

    // Then
    assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(201);
    JsonNode yard = snapshot.json();
    assertThat(yard.path("rtsp_url").isNull()).isTrue();
    assertThat(yard.path("snapshot_interval_seconds").asInt()).isEqualTo(2);
    assertThat(yard.path("frame_count").asInt()).isEqualTo(5);
    assertThat(yard.path("smart_detection_types").toString()).isEqualTo("[\"person\",\"vehicle\"]");
    assertThat(yard.path("detection_zones").get(0).path("enabled").asBoolean()).isTrue();
    assertThat(yard.path("detection_zones").get(0).path("polygon")).hasSize(3);
    assertThat(yard.path("detection_schedule").path("days").toString())
        .isEqualTo("[\"mon\",\"sat\"]");
    assertThat(yard.path("detection_schedule").path("timezone").asString())
        .isEqualTo("Europe/Paris");
    CameraConfig config = queued(yard.path("id").asString());
    assertThat(config.zones().get(0).polygon().get(2).y()).isEqualTo(1.0);
    assertThat(config.schedule().startTime()).isEqualTo("22:00");
    assertThat(config.smartDetectionTypes()).containsExactly("person", "vehicle");
    assertThat(config.collector()).isEqualTo("collector-2");
    assertThat(mjpeg.status()).as(mjpeg.body()).isEqualTo(201);
    assertThat(usb.status()).as(usb.body()).isEqualTo(201);
    assertThat(usb.json().path("device_path").asString()).isEqualTo("/dev/video0");
    assertThat(queued(usb.json().path("id").asString()).shouldRun()).isFalse();
  }

  @Test
  void invalidBodiesAre422NamingEachFieldWithTheStatusCode() {
    assertInvalid("{\"name\": \"x\"}", "type is required");
    assertInvalid("{\"name\": \"x\", \"type\": \"protect\"}", "protect_controller_id is required");
    assertInvalid("{\"name\": \"x\", \"type\": \"webcam\"}", "type must be one of");
    assertInvalid("{\"type\": \"rtsp\", \"rtsp_url\": \"rtsp://h/\"}", "name is required");
    assertInvalid("{\"name\": \"x\", \"type\": \"rtsp\"}", "rtsp_url is required");
    assertInvalid(
        "{\"name\": \"x\", \"type\": \"rtsp\", \"rtsp_url\": \"rtsp://admin:pw@10.0.0.5/s\"}",
        "rtsp_url must not hold credentials");
    assertInvalid(
        "{\"name\": \"x\", \"type\": \"rtsp\", \"rtsp_url\": \"http://10.0.0.5/s\"}",
        "rtsp_url must be a rtsp:// or rtsps:// URL");
    assertInvalid(
        "{\"name\": \"x\", \"type\": \"rtsp\", \"rtsp_url\": \"rtsp://169.254.169.254/s\"}",
        "rtsp_url");
    assertInvalid(
        "{\"name\": \"x\", \"type\": \"rtsp\", \"rtsp_url\": \"rtsp://h/\", \"transport\": \"x\"}",
        "transport must be tcp or udp");
    assertInvalid("{\"name\": \"x\", \"type\": \"snapshot\"}", "url is required");
    assertInvalid(
        "{\"name\": \"x\", \"type\": \"mjpeg\", \"url\": \"ftp://h/x\"}", "url must be a");
    assertInvalid(
        "{\"name\": \"x\", \"type\": \"usb\", \"device_path\": \"/etc/passwd\"}", "device_path");
    String snapshot = "\"name\": \"x\", \"type\": \"snapshot\", \"url\": \"http://h/s.jpg\", ";
    assertInvalid("{" + snapshot + "\"snapshot_interval_seconds\": 0}", "snapshot_interval");
    assertInvalid("{" + snapshot + "\"analysis_fps\": 0.1}", "analysis_fps must be between");
    assertInvalid("{" + snapshot + "\"analysis_fps\": \"fast\"}", "analysis_fps");
    assertInvalid("{" + snapshot + "\"motion_sensitivity\": \"max\"}", "motion_sensitivity");
    assertInvalid("{" + snapshot + "\"motion_cooldown_seconds\": -1}", "motion_cooldown_seconds");
    assertInvalid("{" + snapshot + "\"analysis_mode\": \"video\"}", "analysis_mode");
    assertInvalid("{" + snapshot + "\"frame_count\": 11}", "frame_count must be between 1 and 10");
    assertInvalid("{" + snapshot + "\"smart_detection_types\": [\"ufo\"]}", "smart_detection");
    assertInvalid(
        "{" + snapshot + "\"prompt_override\": \"" + "p".repeat(4001) + "\"}", "prompt_override");
    assertInvalid(
        "{" + snapshot + "\"detection_zones\": [{\"polygon\": [{\"x\": 0, \"y\": 0}]}]}",
        "detection_zones[0].polygon must have between 3 and 64 points");
    assertInvalid(
        "{"
            + snapshot
            + "\"detection_zones\": [{\"polygon\": [{\"x\": 0, \"y\": 0}, {\"x\": 1.5, \"y\": 0},"
            + " {\"x\": 0, \"y\": 1}]}]}",
        "x and y between 0 and 1");
    assertInvalid(
        "{"
            + snapshot
            + "\"detection_schedule\": {\"days\": [\"someday\"], \"start_time\": \"25:00\","
            + " \"end_time\": \"06:00\", \"timezone\": \"Mars/Olympus\"}}",
        "detection_schedule.timezone must be an IANA time zone");
    assertInvalid("{" + snapshot + "\"colour\": \"red\"}", "colour is not a field of a camera");
    assertInvalid("[1, 2]", "a camera body must be a JSON object");
    assertThat(rows.count("SELECT count(*) FROM cameras")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();

    Response malformed = admin("POST", "/api/v1/cameras", "{\"name\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("status_code").asInt()).isEqualTo(400);
  }

  @Test
  void unknownOrMalformedIdsAre404Or422AndDuplicateNames409() {
    // Given
    String id = created(FRONT_DOOR);

    // When
    Response unknown = admin("GET", "/api/v1/cameras/00000000-0000-0000-0000-000000000001", null);
    Response malformed = admin("GET", "/api/v1/cameras/not-a-uuid", null);
    Response unknownStart =
        admin("POST", "/api/v1/cameras/00000000-0000-0000-0000-000000000001/start", null);
    Response duplicate =
        admin(
            "POST",
            "/api/v1/cameras",
            "{\"name\": \"FRONT DOOR\", \"type\": \"usb\", \"device_path\": \"/dev/video1\"}");
    String other =
        created("{\"name\": \"Back\", \"type\": \"usb\", \"device_path\": \"/dev/video1\"}");
    Response renamedOnto = admin("PUT", "/api/v1/cameras/" + other, "{\"name\": \"front door\"}");
    Response otherId =
        admin("PUT", "/api/v1/cameras/" + other, "{\"id\": \"" + id + "\", \"name\": \"B\"}");

    // Then
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body())
        .isEqualTo(
            "{\"detail\":\"Camera 00000000-0000-0000-0000-000000000001 not found\","
                + "\"status_code\":404}");
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.json().path("detail").asString()).contains("id must be");
    assertThat(malformed.json().path("status_code").asInt()).isEqualTo(422);
    assertThat(unknownStart.status()).isEqualTo(404);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().path("detail").asString()).contains("already exists (id " + id);
    assertThat(duplicate.json().path("status_code").asInt()).isEqualTo(409);
    assertThat(renamedOnto.status()).isEqualTo(409);
    assertThat(otherId.status()).isEqualTo(422);
  }

  @Test
  void startAndStopPublishTheCameraAndDeletePublishesATombstone() {
    // Given
    String id = created(FRONT_DOOR);

    // When
    Response stopped = admin("POST", "/api/v1/cameras/" + id + "/stop", null);
    boolean runsAfterStop = queued(id).shouldRun();
    Response started = admin("POST", "/api/v1/cameras/" + id + "/start", null);
    boolean runsAfterStart = queued(id).shouldRun();
    Response deleted = admin("DELETE", "/api/v1/cameras/" + id, null);

    // Then
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.json().path("started").asBoolean()).isFalse();
    assertThat(runsAfterStop).isFalse();
    assertThat(started.json().path("started").asBoolean()).isTrue();
    assertThat(runsAfterStart).isTrue();
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(
            rows.text(
                "SELECT coalesce(record_value::text, 'tombstone') FROM config_outbox"
                    + " WHERE record_key = 'camera/"
                    + id
                    + "' ORDER BY seq DESC LIMIT 1"))
        .isEqualTo("tombstone");
    assertThat(admin("GET", "/api/v1/cameras/" + id, null).status()).isEqualTo(404);
    assertThat(admin("DELETE", "/api/v1/cameras/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void theNewestStatusTheProcessorStoredIsAnswered() {
    // Given
    String id = created(FRONT_DOOR);
    rows.execute(
        "INSERT INTO camera_status (camera_id, camera_name, collector_id, state, reason, fps,"
            + " width, height, codec, updated_at) VALUES ('"
            + id
            + "', 'Front door', 'collector-1', 'online', null, 4.8, 640, 360, 'h264',"
            + " '2026-12-01T10:00:00Z')");

    // When
    JsonNode status = admin("GET", "/api/v1/cameras/" + id, null).json().path("status");

    // Then
    assertThat(status.path("state").asString()).isEqualTo("online");
    assertThat(status.path("fps").asDouble()).isEqualTo(4.8);
    assertThat(status.path("resolution").asString()).isEqualTo("640x360");
    assertThat(status.path("codec").asString()).isEqualTo("h264");
    assertThat(status.path("reason").isNull()).isTrue();
    assertThat(status.path("updated_at").asString()).isEqualTo("2026-12-01T10:00:00Z");
  }

  private void assertInvalid(String body, String detailPart) {
    Response response = admin("POST", "/api/v1/cameras", body);
    assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).as(body).contains(detailPart);
    assertThat(response.json().path("status_code").asInt()).isEqualTo(422);
  }

  private String decryptedPassword(String id) {
    return secrets.decrypt(
        rows.text("SELECT credentials->>'password' FROM cameras WHERE id = '" + id + "'"),
        SecretContext.cameraField(id, "password"));
  }

  /** The newest record queued for the camera. */
  private CameraConfig queued(String id) {
    return entry(
            rows.text(
                "SELECT record_value::text FROM config_outbox WHERE record_key = 'camera/"
                    + id
                    + "' ORDER BY seq DESC LIMIT 1"))
        .camera();
  }

  private static ConfigEntry entry(String json) {
    return Topics.CONFIG
        .valueSerde()
        .deserializer()
        .deserialize(Topics.CONFIG.name(), json.getBytes(StandardCharsets.UTF_8));
  }
}
