package dev.argus.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.KafkaApiTest;
import dev.argus.camera.scene.SyntheticScene;
import dev.argus.camera.testing.RtspCamera;
import dev.argus.camera.testing.SnapshotServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/cameras/test} with the production tester ({@code CameraSources.tester()})
 * against real cameras on loopback: the GStreamer RTSP camera and a snapshot server of {@code
 * infra/camera}'s fixtures. A camera that answers, one that wants other credentials (401), a
 * missing stream (404) and a refused port: all 200 with {@code success} saying what happened. It
 * shares {@link CameraPublishingIT}'s context (same settings, the real tester).
 */
@TestPropertySource(properties = "argus.security.api-key=" + CameraApiTest.BOOTSTRAP)
class CameraTestAgainstCamerasIT extends KafkaApiTest {

  private static RtspCamera rtsp;

  @BeforeAll
  static void startCamera() {
    rtsp = RtspCamera.start();
  }

  @AfterAll
  static void stopCamera() {
    if (rtsp != null) {
      rtsp.close();
    }
  }

  @Test
  void anRtspCameraThatAnswersIsASuccessWithItsStreamAndAThumbnail() throws IOException {
    JsonNode result = test("rtsp", rtsp.url(RtspCamera.BALL), null, null);

    assertThat(result.path("success").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("resolution").asString()).isEqualTo("320x240");
    assertThat(result.path("codec").asString()).isEqualTo("h264");
    assertThat(
            ImageIO.read(
                new ByteArrayInputStream(
                    Base64.getDecoder().decode(result.path("thumbnail").asString()))))
        .isNotNull();
  }

  @Test
  void credentialsGoToTheCameraAndWrongOnesAre401() {
    JsonNode right =
        test("rtsp", rtsp.url(RtspCamera.SECURE), RtspCamera.USER, RtspCamera.PASSWORD);
    JsonNode wrong = test("rtsp", rtsp.url(RtspCamera.SECURE), RtspCamera.USER, "wrong");

    assertThat(right.path("success").asBoolean()).as(right.toString()).isTrue();
    assertThat(wrong.path("success").asBoolean()).isFalse();
    assertThat(wrong.path("message").asString()).isEqualTo("401 Unauthorized");
  }

  @Test
  void aMissingStreamIs404AndAClosedPortRefused() throws IOException {
    JsonNode missing = test("rtsp", rtsp.url("/nope"), null, null);
    JsonNode refused = test("rtsp", "rtsp://127.0.0.1:" + closedPort() + "/ball", null, null);

    assertThat(missing.path("success").asBoolean()).isFalse();
    assertThat(missing.path("message").asString()).isEqualTo("404 Not Found");
    assertThat(refused.path("success").asBoolean()).isFalse();
    assertThat(refused.path("message").asString()).isEqualTo("connection refused");
    assertThat(refused.path("thumbnail").isNull()).isTrue();
  }

  @Test
  void aSnapshotCameraConnectsWithItsPicturesSize() {
    try (SnapshotServer snapshots = SnapshotServer.of(SyntheticScene.still(640, 360))) {
      JsonNode result = test("snapshot", snapshots.url(), null, null);

      assertThat(result.path("success").asBoolean()).as(result.toString()).isTrue();
      assertThat(result.path("resolution").asString()).isEqualTo("640x360");
    }
  }

  private JsonNode test(String type, String url, String username, String password) {
    String source = type.equals("rtsp") ? "rtsp_url" : "url";
    String body =
        "{\"name\": \"probe\", \"type\": \""
            + type
            + "\", \""
            + source
            + "\": \""
            + url
            + "\""
            + (username == null ? "" : ", \"username\": \"" + username + "\"")
            + (password == null ? "" : ", \"password\": \"" + password + "\"")
            + "}";
    Response response =
        api.send("POST", "/api/v1/cameras/test", body, "x-api-key", CameraApiTest.BOOTSTRAP);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
