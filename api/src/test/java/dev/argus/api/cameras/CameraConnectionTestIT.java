package dev.argus.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.camera.source.SourceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/cameras/test}: the body checked as a create, the spec handed to the camera
 * tester (credentials apart from the URL), and its outcome mapped, success or not, never an HTTP
 * error for what the camera does. The tester here is {@link CameraApiTest}'s double.
 */
class CameraConnectionTestIT extends CameraApiTest {

  @Test
  void aCameraThatAnswersIsASuccessWithWhatItSent() {
    // When
    Response test =
        admin(
            "POST",
            "/api/v1/cameras/test",
            """
            {"name": "Probe", "type": "rtsp", "rtsp_url": "rtsp://127.0.0.1:8554/ok",
             "transport": "udp", "username": "viewer", "password": "pw"}
            """);

    // Then
    assertThat(test.status()).as(test.body()).isEqualTo(200);
    JsonNode result = test.json();
    assertThat(result.path("success").asBoolean()).isTrue();
    assertThat(result.path("message").asString()).isEqualTo("connected");
    assertThat(result.path("resolution").asString()).isEqualTo("320x240");
    assertThat(result.path("fps").asDouble()).isEqualTo(5.0);
    assertThat(result.path("codec").asString()).isEqualTo("mjpeg");
    assertThat(result.path("thumbnail").asString()).isEqualTo("/9j/AA==");
    SourceSpec spec = TESTED.get();
    assertThat(spec.type()).isEqualTo("rtsp");
    assertThat(spec.url()).isEqualTo("rtsp://127.0.0.1:8554/ok");
    assertThat(spec.transport()).isEqualTo("udp");
    assertThat(spec.username()).isEqualTo("viewer");
    assertThat(spec.password()).isEqualTo("pw");
    assertThat(rows.count("SELECT count(*) FROM cameras")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void whatTheCameraRefusesIsAFailureWithTheReason() {
    Response unauthorized = test("http://127.0.0.1:8080/unauthorized");
    Response missing = test("http://127.0.0.1:8080/missing");
    Response broken = test("http://127.0.0.1:8080/throws");

    assertThat(unauthorized.status()).isEqualTo(200);
    assertThat(unauthorized.json().path("success").asBoolean()).isFalse();
    assertThat(unauthorized.json().path("message").asString()).isEqualTo("401 Unauthorized");
    assertThat(unauthorized.json().path("resolution").isNull()).isTrue();
    assertThat(missing.json().path("message").asString()).isEqualTo("404 Not Found");
    assertThat(broken.status()).isEqualTo(200);
    assertThat(broken.json().path("success").asBoolean()).isFalse();
    assertThat(broken.json().path("message").asString()).contains("the tester broke");
    assertThat(TESTED.get().snapshotInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theBodyIsCheckedAsACreateBeforeAnythingIsConnectedTo() {
    Response noUrl =
        admin("POST", "/api/v1/cameras/test", "{\"name\": \"x\", \"type\": \"snapshot\"}");
    Response metadata =
        admin(
            "POST",
            "/api/v1/cameras/test",
            "{\"name\": \"x\", \"type\": \"snapshot\", \"url\": \"http://169.254.169.254/ok\"}");

    assertThat(noUrl.status()).isEqualTo(422);
    assertThat(noUrl.json().path("detail").asString()).contains("url is required");
    assertThat(noUrl.json().path("status_code").asInt()).isEqualTo(422);
    assertThat(metadata.status()).isEqualTo(422);
    assertThat(metadata.json().path("detail").asString()).startsWith("url");
    assertThat(TESTED.get()).isNull();
  }

  private Response test(String url) {
    return admin(
        "POST",
        "/api/v1/cameras/test",
        "{\"name\": \"Probe\", \"type\": \"snapshot\", \"url\": \"" + url + "\"}");
  }
}
