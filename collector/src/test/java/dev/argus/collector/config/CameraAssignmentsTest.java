package dev.argus.collector.config;

import static dev.argus.collector.config.DesiredConfigTest.camera;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.camera.DesiredCamera;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraAssignmentsTest {

  private final CameraAssignments assignments =
      new CameraAssignments("c1", true, TestSecrets.CIPHER);

  private static Map<String, String> password(String cameraId, String plain) {
    return Map.of(
        "password",
        TestSecrets.CIPHER.encrypt(plain, SecretContext.cameraField(cameraId, "password")));
  }

  @Test
  void aCameraForThisCollectorRunsWithItsPasswordDecrypted() {
    DesiredCamera camera = assignments.desired(camera("cam-1", "c1", password("cam-1", "s3cret")));

    assertThat(camera.runsHere()).isTrue();
    assertThat(camera.source().type()).isEqualTo("rtsp");
    assertThat(camera.source().url()).isEqualTo("rtsp://10.0.0.7:554/stream1");
    assertThat(camera.source().username()).isEqualTo("viewer");
    assertThat(camera.source().password()).isEqualTo("s3cret");
    assertThat(camera.source().toString()).doesNotContain("s3cret");
  }

  @Test
  void unassignedCamerasRunWhereUnassignedWorkIsAcceptedAndOthersNot() {
    var refusing = new CameraAssignments("c1", false, TestSecrets.CIPHER);

    assertThat(assignments.desired(camera("cam-1", null, Map.of())).runsHere()).isTrue();
    assertThat(refusing.desired(camera("cam-1", null, Map.of())).assignedHere()).isFalse();
    DesiredCamera theirs = assignments.desired(camera("cam-1", "c2", password("cam-1", "x")));
    assertThat(theirs.assignedHere()).isFalse();
    assertThat(theirs.source()).isNull();
    assertThat(theirs.problem()).isNull();
  }

  @Test
  void aPasswordEncryptedForAnotherCameraIsAProblemThatQuotesNoSecret() {
    DesiredCamera copied = assignments.desired(camera("cam-2", null, password("cam-1", "s3cret")));

    assertThat(copied.runsHere()).isFalse();
    assertThat(copied.problem()).startsWith("credentials: ").contains("camera:cam-2:password");
    assertThat(copied.problem()).doesNotContain("s3cret");
  }

  @Test
  void aCameraWithoutItsAddressIsAProblemNamingTheField() {
    CameraConfig withoutUrl = camera("cam-3", null, Map.of());
    withoutUrl =
        new CameraConfig(
            withoutUrl.id(),
            withoutUrl.name(),
            "mjpeg",
            true,
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            5,
            "medium",
            60,
            null,
            null,
            "single_frame",
            1,
            null,
            null,
            null,
            null,
            null);

    assertThat(assignments.desired(withoutUrl).problem())
        .isEqualTo("url is required for this camera type");
  }

  @Test
  void protectCamerasAreNotReadByAWorker() {
    CameraConfig base = camera("cam-4", null, Map.of());
    var protect =
        new CameraConfig(
            base.id(),
            base.name(),
            "protect",
            true,
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            5,
            "medium",
            60,
            null,
            null,
            "single_frame",
            1,
            null,
            null,
            null,
            null,
            null);

    DesiredCamera camera = assignments.desired(protect);

    assertThat(camera.runsHere()).isFalse();
    assertThat(camera.problem()).isNull();
  }
}
