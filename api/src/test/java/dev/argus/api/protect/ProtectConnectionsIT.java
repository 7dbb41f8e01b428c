package dev.argus.api.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.cameras.CameraApiTest;
import dev.argus.protect.testing.LoopbackProtectController;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/protect/controllers/test} and {@code GET …/{id}/cameras} against the loopback
 * Protect controller of {@code infra/protect} (HTTPS with a self-signed certificate, login, 401 for
 * a wrong password, bootstrap): a test double of a device no one here has, speaking the protocol.
 */
class ProtectConnectionsIT extends CameraApiTest {

  private static final String CONTROLLERS = "/api/v1/protect/controllers";

  private static LoopbackProtectController controller;

  @BeforeAll
  static void startTheLoopbackController() throws IOException, InterruptedException {
    controller = LoopbackProtectController.start();
  }

  @AfterAll
  static void stopIt() {
    controller.close();
  }

  @Test
  void aWrongPasswordFailsWithTheReasonAndTheRightOneNamesTheNvrAndItsCameras() {
    // When
    Response wrong = admin("POST", CONTROLLERS + "/test", body("not-the-password"));
    Response right = admin("POST", CONTROLLERS + "/test", body(LoopbackProtectController.PASSWORD));

    // Then
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
    assertThat(wrong.json().path("success").asBoolean()).isFalse();
    assertThat(wrong.json().path("message").asString()).contains("401");
    assertThat(wrong.json().path("nvr_name").isNull()).isTrue();
    assertThat(right.status()).as(right.body()).isEqualTo(200);
    JsonNode result = right.json();
    assertThat(result.path("success").asBoolean()).as(right.body()).isTrue();
    assertThat(result.path("nvr_name").asString()).isEqualTo(LoopbackProtectController.NVR_NAME);
    assertThat(result.path("nvr_version").asString())
        .isEqualTo(LoopbackProtectController.NVR_VERSION);
    assertThat(result.path("cameras_found").asInt()).isEqualTo(3);
    assertThat(result.path("message").asString()).contains(LoopbackProtectController.NVR_NAME);
  }

  @Test
  void aStoredControllerIsTestedWithItsStoredPassword() {
    // Given
    String id = stored(LoopbackProtectController.PASSWORD);

    // When
    Response tested = admin("POST", CONTROLLERS + "/test", "{\"controller_id\": \"" + id + "\"}");
    Response withAnotherPassword =
        admin(
            "POST",
            CONTROLLERS + "/test",
            "{\"controller_id\": \"" + id + "\", \"password\": \"wrong\"}");

    // Then
    assertThat(tested.json().path("success").asBoolean()).as(tested.body()).isTrue();
    assertThat(tested.json().path("cameras_found").asInt()).isEqualTo(3);
    assertThat(withAnotherPassword.json().path("success").asBoolean()).isFalse();
  }

  @Test
  void theCameraListMarksTheCamerasAlreadyAdded() {
    // Given: the doorbell is already an Argus camera
    String id = stored(LoopbackProtectController.PASSWORD);
    Response doorbell =
        admin(
            "POST",
            "/api/v1/cameras",
            ("{\"name\": \"Doorbell\", \"type\": \"protect\", \"protect_controller_id\": \"%s\","
                    + " \"protect_camera_id\": \"%s\"}")
                .formatted(id, LoopbackProtectController.DOORBELL));
    assertThat(doorbell.status()).as(doorbell.body()).isEqualTo(201);

    // When
    Response listed = admin("GET", CONTROLLERS + "/" + id + "/cameras", null);

    // Then
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode list = listed.json();
    assertThat(list.path("total").asInt()).isEqualTo(3);
    assertThat(list.path("nvr_name").asString()).isEqualTo(LoopbackProtectController.NVR_NAME);
    JsonNode door = camera(list, LoopbackProtectController.DOORBELL);
    assertThat(door.path("name").asString()).isEqualTo("Door");
    assertThat(door.path("is_doorbell").asBoolean()).isTrue();
    assertThat(door.path("state").asString()).isEqualTo("CONNECTED");
    assertThat(door.path("smart_detect_types").valueStream().map(JsonNode::asString))
        .containsExactly("person", "package");
    assertThat(door.path("argus_camera_id").asString())
        .isEqualTo(doorbell.json().path("id").asString());
    JsonNode yard = camera(list, LoopbackProtectController.YARD_CAMERA);
    assertThat(yard.path("state").asString()).isEqualTo("DISCONNECTED");
    assertThat(yard.path("is_doorbell").asBoolean()).isFalse();
    assertThat(yard.path("argus_camera_id").isNull()).isTrue();
  }

  @Test
  void aControllerThatRefusesOrCannotBeReachedIs502NamingWhy() throws IOException {
    // Given
    String refusing = stored("an-old-password");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Response gone =
        admin(
            "POST",
            CONTROLLERS,
            ("{\"name\": \"Gone\", \"host\": \"127.0.0.1\", \"port\": %d, \"username\": \"u\","
                    + " \"password\": \"p\"}")
                .formatted(closedPort));

    // When
    Response refused = admin("GET", CONTROLLERS + "/" + refusing + "/cameras", null);
    Response unreachable =
        admin("GET", CONTROLLERS + "/" + gone.json().path("id").asString() + "/cameras", null);

    // Then
    assertThat(refused.status()).as(refused.body()).isEqualTo(502);
    assertThat(refused.json().path("detail").asString())
        .contains("refused the stored user name or password");
    assertThat(refused.json().path("status_code").asInt()).isEqualTo(502);
    assertThat(unreachable.status()).as(unreachable.body()).isEqualTo(502);
    assertThat(unreachable.json().path("detail").asString()).contains("127.0.0.1:" + closedPort);
  }

  private String stored(String password) {
    Response created =
        admin(
            "POST",
            CONTROLLERS,
            ("{\"name\": \"Loopback %s\", \"host\": \"%s\", \"port\": %d, \"username\": \"%s\","
                    + " \"password\": \"%s\"}")
                .formatted(
                    password,
                    controller.host(),
                    controller.port(),
                    LoopbackProtectController.USERNAME,
                    password));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private static String body(String password) {
    return "{\"host\": \"%s\", \"port\": %d, \"username\": \"%s\", \"password\": \"%s\"}"
        .formatted(
            controller.host(), controller.port(), LoopbackProtectController.USERNAME, password);
  }

  private static JsonNode camera(JsonNode list, String id) {
    return list.path("cameras")
        .valueStream()
        .filter(c -> c.path("id").asString().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no camera " + id + " in " + list));
  }
}
