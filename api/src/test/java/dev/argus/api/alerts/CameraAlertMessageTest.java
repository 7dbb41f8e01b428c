package dev.argus.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.camera.CameraEventType;
import dev.argus.contract.events.DerivedEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camera alerts read with the camera's name, and a camera back online is a recovery notice. */
class CameraAlertMessageTest {

  private static DerivedEvent camera(CameraEventType type) {
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        "e-1",
        DerivedEvent.SOURCE_CAMERA,
        "5b1f4e0c-0000-4000-8000-000000000001",
        type.wireName(),
        type.severity(),
        Instant.parse("2026-12-03T10:00:00Z"),
        Map.of("camera_name", "Front door", "reason", "connection refused"));
  }

  @Test
  void aCameraAlertNamesTheCameraNotItsUuid() {
    AlertMessage message = AlertMessage.of(camera(CameraEventType.CAMERA_OFFLINE));

    assertThat(message.title()).isEqualTo("[HIGH] camera_offline: Front door");
    assertThat(message.message()).contains("reason: connection refused");
    assertThat(AlertMessage.RECOVERIES).doesNotContain("camera_offline");
  }

  @Test
  void aCameraDetectionAlertSaysWhatWasSeenOnWhichCamera() {
    DerivedEvent detection =
        new DerivedEvent(
            DerivedEvent.SCHEMA_VERSION,
            "e-2",
            DerivedEvent.SOURCE_CAMERA,
            "5b1f4e0c-0000-4000-8000-000000000001",
            CameraEventType.CAMERA_DETECTION.wireName(),
            CameraEventType.CAMERA_DETECTION.severity(),
            Instant.parse("2026-12-03T10:00:00Z"),
            Map.of(
                "camera_name", "Front door",
                "detection_type", "person",
                "rule_name", "Doorstep",
                "message", "Doorstep: person on Front door"));

    AlertMessage message = AlertMessage.of(detection);

    assertThat(message.title()).isEqualTo("[MEDIUM] camera_detection: Front door");
    assertThat(message.message())
        .startsWith(
            "person detected on Front door (rule Doorstep)\nDoorstep: person on Front door\n")
        .contains("detection_type: person");
    assertThat(message.isRecovery()).isFalse();
  }

  @Test
  void aCameraBackOnlineIsARecovery() {
    assertThat(AlertMessage.RECOVERIES).contains(CameraEventType.CAMERA_ONLINE.wireName());
  }
}
