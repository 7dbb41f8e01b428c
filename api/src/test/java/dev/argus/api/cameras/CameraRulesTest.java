package dev.argus.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CameraRules}: defaults, the fields of each type, and every problem named at once. */
class CameraRulesTest {

  private static final CameraDefaults DEFAULTS = new CameraDefaults("low", 30, "multi_frame", 4);

  @Test
  void leftOutFieldsTakeTheSettingsDefaults() {
    List<String> problems = new ArrayList<>();

    CameraSettings settings =
        CameraRules.settle(
            request("Gate", "rtsp", "rtsp://192.168.1.20:554/s", null, null), DEFAULTS, problems);

    assertThat(problems).isEmpty();
    assertThat(settings.motionSensitivity()).isEqualTo("low");
    assertThat(settings.motionCooldownSeconds()).isEqualTo(30);
    assertThat(settings.analysisMode()).isEqualTo("multi_frame");
    assertThat(settings.frameCount()).isEqualTo(4);
    assertThat(settings.analysisFps()).isEqualTo(5.0);
    assertThat(settings.transport()).isEqualTo("tcp");
    assertThat(settings.snapshotIntervalSeconds()).isEqualTo(1);
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.source()).isEqualTo("rtsp://192.168.1.20:554/s");
  }

  @Test
  void onlyTheTypesOwnAddressIsKept() {
    List<String> problems = new ArrayList<>();

    CameraSettings settings =
        CameraRules.settle(
            request("Yard", "SNAPSHOT", "rtsp://x/", "https://cam.local/snap.jpg", "/dev/video0"),
            DEFAULTS,
            problems);

    assertThat(problems).isEmpty();
    assertThat(settings.type()).isEqualTo("snapshot");
    assertThat(settings.rtspUrl()).isNull();
    assertThat(settings.devicePath()).isNull();
    assertThat(settings.source()).isEqualTo("https://cam.local/snap.jpg");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    List<String> problems = new ArrayList<>();

    CameraRules.settle(
        new CameraRequest(
            " ",
            "rtsp",
            null,
            "rtsps://u:p@cam/s",
            "quic",
            null,
            0,
            null,
            null,
            null,
            31.0,
            "loud",
            90_000,
            null,
            null,
            "burst",
            0,
            List.of("ghost"),
            null,
            "bad collector",
            null,
            null),
        DEFAULTS,
        problems);

    assertThat(problems)
        .hasSize(11)
        .anyMatch(p -> p.startsWith("name is required"))
        .anyMatch(p -> p.startsWith("rtsp_url must not hold credentials"))
        .anyMatch(p -> p.startsWith("transport must be tcp or udp"))
        .anyMatch(p -> p.startsWith("snapshot_interval_seconds"))
        .anyMatch(p -> p.startsWith("analysis_fps"))
        .anyMatch(p -> p.startsWith("motion_sensitivity"))
        .anyMatch(p -> p.startsWith("motion_cooldown_seconds"))
        .anyMatch(p -> p.startsWith("analysis_mode"))
        .anyMatch(p -> p.startsWith("frame_count"))
        .anyMatch(p -> p.startsWith("smart_detection_types"))
        .anyMatch(p -> p.startsWith("collector must be"));
  }

  @Test
  void aProtectCameraNamesItsControllerAndCameraAndNoCredentials() {
    List<String> problems = new ArrayList<>();
    java.util.UUID controller = java.util.UUID.randomUUID();

    CameraSettings settings =
        CameraRules.settle(
            protect(controller, "65f0a1b2c3d4e5f601234567", null), DEFAULTS, problems);

    assertThat(problems).isEmpty();
    assertThat(settings.type()).isEqualTo("protect");
    assertThat(settings.protectControllerId()).isEqualTo(controller);
    assertThat(settings.protectCameraId()).isEqualTo("65f0a1b2c3d4e5f601234567");
    assertThat(settings.rtspUrl()).isNull();
    assertThat(settings.url()).isNull();
    assertThat(settings.username()).isNull();
  }

  @Test
  void aProtectCameraWithoutItsIdsOrWithCredentialsIsRefused() {
    List<String> problems = new ArrayList<>();

    CameraRules.settle(protect(null, " ", "viewer"), DEFAULTS, problems);

    assertThat(problems)
        .hasSize(3)
        .anyMatch(p -> p.startsWith("protect_controller_id is required"))
        .anyMatch(p -> p.startsWith("protect_camera_id is required"))
        .anyMatch(p -> p.startsWith("a protect camera has no username or password"));
  }

  @Test
  void unknownFieldsAreNamedAndAnswersReadOnlyFieldsTolerated() {
    assertThat(CameraRules.unknownFields(List.of("name", "id", "status", "has_password")))
        .isEmpty();
    assertThat(CameraRules.unknownFields(List.of("rtspUrl")))
        .singleElement()
        .asString()
        .startsWith("rtspUrl is not a field of a camera");
  }

  private static CameraRequest protect(
      java.util.UUID controller, String protectCamera, String username) {
    return new CameraRequest(
        "Doorbell",
        "protect",
        null,
        null,
        null,
        null,
        null,
        null,
        username,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        controller,
        protectCamera);
  }

  private static CameraRequest request(
      String name, String type, String rtspUrl, String url, String devicePath) {
    return new CameraRequest(
        name,
        type,
        null,
        rtspUrl,
        null,
        url,
        null,
        devicePath,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
