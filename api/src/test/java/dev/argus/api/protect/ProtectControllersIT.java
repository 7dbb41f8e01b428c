package dev.argus.api.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.cameras.CameraApiTest;
import dev.argus.contract.Topics;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.secrets.SecretContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/protect/controllers} and cameras of type protect over HTTP against a real
 * PostgreSQL: what is stored (the password encrypted), what is queued for {@code argus.config} in
 * the same transaction, what is answered (never the password, the session status), and the
 * 422/404/409 answers with {@code status_code}.
 */
class ProtectControllersIT extends CameraApiTest {

  private static final String CONTROLLERS = "/api/v1/protect/controllers";

  private static final String UDM =
      """
      {"name": "UDM Pro", "host": "127.0.0.1", "username": "argus",
       "password": "s3cret-protect-pass"}
      """;

  @Test
  void aCreatedControllerIsAnsweredWithDefaultsItsStatusUnknownAndNeverItsPassword() {
    // When
    Response created = admin("POST", CONTROLLERS, UDM);

    // Then
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("s3cret-protect-pass").doesNotContain("\"password\"");
    JsonNode controller = created.json();
    assertThat(controller.path("port").asInt()).isEqualTo(443);
    assertThat(controller.path("verify_ssl").asBoolean()).isFalse();
    assertThat(controller.path("enabled").asBoolean()).isTrue();
    assertThat(controller.path("has_password").asBoolean()).isTrue();
    assertThat(controller.path("collector").isNull()).isTrue();
    assertThat(controller.path("status").path("state").asString()).isEqualTo("unknown");
    assertThat(controller.path("status").path("updated_at").isNull()).isTrue();
    String id = controller.path("id").asString();
    assertThat(admin("GET", CONTROLLERS + "/" + id, null).json()).isEqualTo(controller);
    JsonNode list = admin("GET", CONTROLLERS, null).json();
    assertThat(list.path("total").asInt()).isEqualTo(1);
    assertThat(list.path("controllers").get(0).path("id").asString()).isEqualTo(id);
  }

  @Test
  void theSessionStatusTheSinkStoredIsShown() {
    // Given
    String id = created(CONTROLLERS, UDM);
    rows.execute(
        """
        INSERT INTO protect_controller_status (controller_id, collector_id, state, reason,
            nvr_name, nvr_version, cameras_found, last_update_id, last_event_at, updated_at)
        VALUES ('%s', 'collector-1', 'connected', NULL, 'Home NVR', '4.0.21', 3, 'u-9',
            TIMESTAMPTZ '2026-12-03T10:00:00Z', TIMESTAMPTZ '2026-12-03T10:00:05Z')
        """
            .formatted(id));

    // When
    JsonNode status = admin("GET", CONTROLLERS + "/" + id, null).json().path("status");

    // Then
    assertThat(status.path("state").asString()).isEqualTo("connected");
    assertThat(status.path("collector_id").asString()).isEqualTo("collector-1");
    assertThat(status.path("nvr_name").asString()).isEqualTo("Home NVR");
    assertThat(status.path("nvr_version").asString()).isEqualTo("4.0.21");
    assertThat(status.path("cameras_found").asInt()).isEqualTo(3);
    assertThat(status.path("last_event_at").asString()).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(status.path("updated_at").asString()).isEqualTo("2026-12-03T10:00:05Z");
  }

  @Test
  void thePasswordIsStoredAndQueuedEncryptedForTheCollectors() {
    // When
    String id = created(CONTROLLERS, UDM);

    // Then: the row holds an envelope bound to the controller
    String stored =
        rows.text(
            "SELECT credentials->>'password' FROM protect_controllers WHERE id = '" + id + "'");
    assertThat(stored).startsWith("enc:").doesNotContain("s3cret");
    SecretContext context = SecretContext.protectControllerField(id, "password");
    assertThat(secrets.decrypt(stored, context)).isEqualTo("s3cret-protect-pass");
    // and the outbox, written in the same transaction, carries the same envelope
    String queued = queued("protect-controller/" + id);
    assertThat(queued).doesNotContain("s3cret");
    ProtectControllerConfig config = entry(queued).protectController();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(443);
    assertThat(config.username()).isEqualTo("argus");
    assertThat(config.verifySsl()).isFalse();
    assertThat(config.enabled()).isTrue();
    assertThat(secrets.decrypt(config.credentials().get("password"), context))
        .isEqualTo("s3cret-protect-pass");
  }

  @Test
  void aPutChangesTheGivenFieldsAndKeepsThePasswordUnlessANewOneIsSent() {
    // Given
    String id = created(CONTROLLERS, UDM);
    String path = CONTROLLERS + "/" + id;

    // When: a partial change, then GET-edit-PUT of a whole answer, then an empty password
    Response changed =
        admin("PUT", path, "{\"port\": 7443, \"verify_ssl\": true, \"collector\": \"edge-1\"}");
    Response sentBack = admin("PUT", path, admin("GET", path, null).body());
    Response empty = admin("PUT", path, "{\"password\": \"\"}");

    // Then
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("port").asInt()).isEqualTo(7443);
    assertThat(changed.json().path("verify_ssl").asBoolean()).isTrue();
    assertThat(changed.json().path("collector").asString()).isEqualTo("edge-1");
    assertThat(changed.json().path("name").asString()).isEqualTo("UDM Pro");
    assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
    assertThat(empty.status()).as(empty.body()).isEqualTo(200);
    assertThat(empty.json().path("has_password").asBoolean()).isTrue();
    assertThat(password(id)).isEqualTo("s3cret-protect-pass");

    // When: a new password
    Response replaced = admin("PUT", path, "{\"password\": \"another-one\"}");

    // Then
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(password(id)).isEqualTo("another-one");
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'protect-controller/"
                    + id
                    + "'"))
        .isEqualTo(5);
    ProtectControllerConfig last = entry(queued("protect-controller/" + id)).protectController();
    assertThat(last.port()).isEqualTo(7443);
    assertThat(last.collector()).isEqualTo("edge-1");
  }

  @Test
  void invalidBodiesAre422NamingEachFieldWithTheStatusCode() {
    assertInvalid("{}", "name is required");
    assertInvalid("{}", "host is required");
    assertInvalid("{}", "username is required");
    assertInvalid("{}", "password is required");
    assertInvalid(body("\"host\": \"https://10.0.0.1/\""), "host must be a host name or address");
    assertInvalid(body("\"host\": \"10.0.0.1:443\""), "host must not include the port");
    assertInvalid(body("\"host\": \"169.254.169.254\""), "host");
    assertInvalid(body("\"host\": \"h\", \"port\": 0"), "port must be between 1 and 65535");
    assertInvalid(body("\"host\": \"h\", \"port\": \"https\""), "port");
    assertInvalid(body("\"host\": \"h\", \"collector\": \"no spaces\""), "collector must be");
    assertInvalid(body("\"host\": \"h\", \"nvr\": \"x\""), "nvr is not a field");
    assertInvalid("[1]", "must be a JSON object");
    assertThat(rows.count("SELECT count(*) FROM protect_controllers")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void aSecondControllerOfTheSameNameIs409AndAnUnknownOne404() {
    // Given
    created(CONTROLLERS, UDM);

    // When
    Response again =
        admin("POST", CONTROLLERS, UDM.replace("UDM Pro", "udm pro").replace("127.0.0.1", "h2"));
    Response unknown = admin("GET", CONTROLLERS + "/00000000-0000-0000-0000-000000000009", null);

    // Then
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asString()).contains("already exists");
    assertThat(again.json().path("status_code").asInt()).isEqualTo(409);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("status_code").asInt()).isEqualTo(404);
  }

  @Test
  void aProtectCameraNamesAnExistingControllerAndOneOfItsCamerasOnce() {
    // Given
    String controller = created(CONTROLLERS, UDM);
    String doorbell =
        """
        {"name": "Doorbell", "type": "protect", "protect_controller_id": "%s",
         "protect_camera_id": "65f0a1b2c3d4e5f601234567", "smart_detection_types": ["person"]}
        """
            .formatted(controller);

    // When
    Response created = admin("POST", "/api/v1/cameras", doorbell);
    Response twice = admin("POST", "/api/v1/cameras", doorbell.replace("Doorbell", "Again"));
    Response noController =
        admin(
            "POST",
            "/api/v1/cameras",
            doorbell
                .replace("Doorbell", "Elsewhere")
                .replace(controller, "00000000-0000-0000-0000-000000000009"));
    Response withPassword =
        admin(
            "POST",
            "/api/v1/cameras",
            doorbell.replace("\"name\"", "\"password\": \"x\", \"name\""));

    // Then
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode camera = created.json();
    assertThat(camera.path("type").asString()).isEqualTo("protect");
    assertThat(camera.path("protect_controller_id").asString()).isEqualTo(controller);
    assertThat(camera.path("protect_camera_id").asString()).isEqualTo("65f0a1b2c3d4e5f601234567");
    assertThat(camera.path("rtsp_url").isNull()).isTrue();
    assertThat(camera.path("has_password").asBoolean()).isFalse();
    CameraConfig config = entry(queued("camera/" + camera.path("id").asString())).camera();
    assertThat(config.protectControllerId()).isEqualTo(controller);
    assertThat(config.protectCameraId()).isEqualTo("65f0a1b2c3d4e5f601234567");
    assertThat(twice.status()).as(twice.body()).isEqualTo(409);
    assertThat(twice.json().path("detail").asString())
        .contains("is already the Argus camera " + camera.path("id").asString());
    assertThat(noController.status()).isEqualTo(422);
    assertThat(noController.json().path("detail").asString())
        .contains("protect_controller_id: no Protect controller");
    assertThat(withPassword.status()).isEqualTo(422);
    assertThat(withPassword.json().path("detail").asString())
        .contains("a protect camera has no username or password");
    // and GET-edit-PUT of the camera works
    String path = "/api/v1/cameras/" + camera.path("id").asString();
    Response sentBack = admin("PUT", path, admin("GET", path, null).body());
    assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
  }

  @Test
  void aControllerWithCamerasCannotBeDeletedAndIsTombstonedWhenItHasNone() {
    // Given
    String controller = created(CONTROLLERS, UDM);
    String camera =
        created(
            "/api/v1/cameras",
            """
            {"name": "Garage", "type": "protect", "protect_controller_id": "%s",
             "protect_camera_id": "cam-garage"}
            """
                .formatted(controller));

    // When
    Response refused = admin("DELETE", CONTROLLERS + "/" + controller, null);
    admin("DELETE", "/api/v1/cameras/" + camera, null);
    Response deleted = admin("DELETE", CONTROLLERS + "/" + controller, null);
    Response again = admin("DELETE", CONTROLLERS + "/" + controller, null);

    // Then
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asString())
        .contains("still has cameras: 'Garage' (" + camera + ")");
    assertThat(refused.json().path("status_code").asInt()).isEqualTo(409);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(404);
    assertThat(
            rows.count(
                "SELECT count(*) FROM config_outbox WHERE record_key = 'protect-controller/"
                    + controller
                    + "' AND record_value IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void theTestChecksItsBodyAndNamesAStoredControllerThatIsGone() {
    // When
    Response invalid = admin("POST", CONTROLLERS + "/test", "{\"host\": \"ftp://x\"}");
    Response unknown =
        admin(
            "POST",
            CONTROLLERS + "/test",
            "{\"controller_id\": \"00000000-0000-0000-0000-000000000009\"}");

    // Then
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().path("detail").asString())
        .contains("host must be a host name or address")
        .contains("username is required")
        .contains("password is required");
    assertThat(unknown.status()).isEqualTo(404);
  }

  private String created(String path, String json) {
    Response created = admin("POST", path, json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private String password(String id) {
    return secrets.decrypt(
        rows.text(
            "SELECT credentials->>'password' FROM protect_controllers WHERE id = '" + id + "'"),
        SecretContext.protectControllerField(id, "password"));
  }

  /** The newest record queued under {@code key}. */
  private String queued(String key) {
    return rows.text(
        "SELECT record_value::text FROM config_outbox WHERE topic = 'argus.config'"
            + " AND record_key = '"
            + key
            + "' ORDER BY seq DESC LIMIT 1");
  }

  private static ConfigEntry entry(String json) {
    return Topics.CONFIG
        .valueSerde()
        .deserializer()
        .deserialize(Topics.CONFIG.name(), json.getBytes(StandardCharsets.UTF_8));
  }

  private static String body(String fields) {
    return "{\"name\": \"x\", \"username\": \"u\", \"password\": \"p\", " + fields + "}";
  }

  private void assertInvalid(String body, String detail) {
    Response response = admin("POST", CONTROLLERS, body);
    assertThat(response.status()).as(body).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).as(body).contains(detail);
    assertThat(response.json().path("status_code").asInt()).isEqualTo(422);
  }
}
