package dev.argus.api.system.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import dev.argus.api.cameras.CameraApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/ai/capabilities} and {@code GET /api/v1/system/health} say what types camera
 * events, from the detector each camera's newest status names (as the processor stores it from
 * {@code argus.camera.status}); their other fields stay as they were.
 */
class DetectionStatusIT extends CameraApiTest {

  @Test
  void withoutCamerasNothingTypesEvents() {
    // When
    JsonNode detection = admin("GET", "/api/v1/ai/capabilities", null).json().path("detection");

    // Then
    assertThat(detection.path("detector").isNull()).isTrue();
    assertThat(detection.path("typing").asString()).isEqualTo("none");
    assertThat(detection.path("cameras_with_detector").asLong()).isZero();
  }

  @Test
  void theDetectorOfEachCamerasStatusIsCountedOnBothEndpoints() {
    // Given: a camera whose collector runs the CPU detector, one without, and a Protect camera
    String detected = camera("Door");
    String described = camera("Yard");
    camera("Porch");
    status(detected, "centernet");
    status(described, null);
    String controller =
        created(
            "/api/v1/protect/controllers",
            "{\"name\": \"UDM\", \"host\": \"127.0.0.1\", \"username\": \"u\", \"password\":"
                + " \"p\"}");
    String doorbell =
        created(
            "/api/v1/cameras",
            ("{\"name\": \"Doorbell\", \"type\": \"protect\", \"protect_controller_id\": \"%s\","
                    + " \"protect_camera_id\": \"c1\"}")
                .formatted(controller));
    status(doorbell, "protect");

    // When
    Response capabilities = admin("GET", "/api/v1/ai/capabilities", null);
    Response health = admin("GET", "/api/v1/system/health", null);

    // Then
    assertThat(capabilities.status()).as(capabilities.body()).isEqualTo(200);
    assertThat(capabilities.json().has("items")).isTrue();
    JsonNode detection = capabilities.json().path("detection");
    assertThat(detection.path("detector").asString()).isEqualTo("centernet");
    assertThat(detection.path("typing").asString()).isEqualTo("mixed");
    assertThat(detection.path("cameras_with_detector").asLong()).isEqualTo(1);
    // the Yard reports no detector, the Porch has not reported: the AI description types both
    assertThat(detection.path("cameras_typed_by_ai").asLong()).isEqualTo(2);
    assertThat(detection.path("protect_cameras").asLong()).isEqualTo(1);
    JsonNode components = health.json().path("components");
    assertThat(components.path("detection")).isEqualTo(detection);
    assertThat(components.has("camera_workers")).isTrue();
    assertThat(components.has("ai_providers")).isTrue();
  }

  private String camera(String name) {
    return created(
        "/api/v1/cameras",
        "{\"name\": \"%s\", \"type\": \"snapshot\", \"url\": \"http://127.0.0.1/s.jpg\"}"
            .formatted(name));
  }

  private String created(String path, String json) {
    Response created = admin("POST", path, json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** A camera's status as the sink stores it. */
  private void status(String camera, String detector) {
    rows.execute(
        """
        INSERT INTO camera_status (camera_id, camera_name, collector_id, state, updated_at,
            detector)
        VALUES ('%s', 'x', 'collector-1', 'online', now(), %s)
        """
            .formatted(camera, detector == null ? "NULL" : "'" + detector + "'"));
  }
}
