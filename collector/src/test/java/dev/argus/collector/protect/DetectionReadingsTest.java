package dev.argus.collector.protect;

import static dev.argus.collector.protect.ProtectFixtures.camera;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.MotionReading;
import dev.argus.protect.ProtectDetection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DetectionReadingsTest {

  private static final Instant START = Instant.parse("2026-12-03T10:15:30.250Z");
  private static final CameraConfig DOOR = camera("cam-1", "p-1", "prot-cam-1");

  private static ProtectDetection detection(String eventId, String type, Double score) {
    return new ProtectDetection("prot-cam-1", eventId, type, score, START, null);
  }

  private static MotionReading reading(ProtectDetection detection) {
    var media =
        new DetectionMedia.Media(
            List.of(new CapturedFrame(START, 640, 360, new byte[] {1, 2})), new byte[] {3}, null);
    return DetectionReadings.reading("p-1", detection, DOOR, "c1", media);
  }

  @Test
  void theSameEventGivesTheSameReadingIdWhenDeliveredAgainOrEnded() {
    var start = detection("ev-1", "person", 0.87);
    var ended =
        new ProtectDetection("prot-cam-1", "ev-1", "person", 0.91, START, START.plusSeconds(4));

    assertThat(DetectionReadings.readingId("p-1", start))
        .isEqualTo(DetectionReadings.readingId("p-1", start))
        .isEqualTo(DetectionReadings.readingId("p-1", ended));
    assertThat(UUID.fromString(DetectionReadings.readingId("p-1", start)).version()).isEqualTo(3);
  }

  @Test
  void otherEventsTypesAndControllersGiveOtherReadingIds() {
    String person = DetectionReadings.readingId("p-1", detection("ev-1", "person", 0.87));

    assertThat(DetectionReadings.readingId("p-1", detection("ev-2", "person", 0.87)))
        .isNotEqualTo(person);
    assertThat(DetectionReadings.readingId("p-1", detection("ev-1", "vehicle", 0.87)))
        .isNotEqualTo(person);
    assertThat(DetectionReadings.readingId("p-2", detection("ev-1", "person", 0.87)))
        .isNotEqualTo(person);
  }

  @Test
  void withoutAnEventIdTheCameraAndStartNameTheReading() {
    var motion = detection(null, "motion", null);
    var later = new ProtectDetection("prot-cam-1", null, "motion", null, START.plusMillis(1), null);

    assertThat(DetectionReadings.readingId("p-1", motion))
        .isEqualTo(DetectionReadings.readingId("p-1", detection(" ", "motion", null)))
        .isNotEqualTo(DetectionReadings.readingId("p-1", later));
  }

  @Test
  void aSmartDetectionIsAReadingWithOneObjectOfItsTypeAndTheControllersScore() {
    MotionReading reading = reading(detection("ev-1", "Person", 0.87));

    assertThat(reading.readingId())
        .isEqualTo(DetectionReadings.readingId("p-1", detection("ev-1", "person", 0.87)));
    assertThat(reading.cameraId()).isEqualTo("cam-1");
    assertThat(reading.cameraName()).isEqualTo("Camera cam-1");
    assertThat(reading.collectorId()).isEqualTo("c1");
    assertThat(reading.at()).isEqualTo(START);
    assertThat(reading.source()).isEqualTo("protect");
    assertThat(reading.detector()).isEqualTo("protect");
    assertThat(reading.detectionType()).isEqualTo("person");
    assertThat(reading.score()).isEqualTo(0.87);
    assertThat(reading.box()).isNull();
    assertThat(reading.objects()).containsExactly(new DetectedObject("person", 0.87, null));
    assertThat(reading.frames()).hasSize(1);
    assertThat(reading.thumbnail()).containsExactly(3);
  }

  @Test
  void everySmartTypeNamesAnObjectButMotionAndRingDoNot() {
    for (String type : List.of("person", "vehicle", "animal", "package")) {
      assertThat(reading(detection("ev-" + type, type, null)).objects())
          .containsExactly(new DetectedObject(type, null, null));
    }
    for (String type : List.of("motion", "ring")) {
      MotionReading reading = reading(detection("ev-" + type, type, null));
      assertThat(reading.detectionType()).isEqualTo(type);
      assertThat(reading.objects()).isEmpty();
      assertThat(reading.detector()).isEqualTo("protect");
    }
  }

  @Test
  void withoutAControllerScoreTheScoreIsZero() {
    assertThat(reading(detection("ev-1", "ring", null)).score()).isZero();
  }

  @Test
  void theCamerasAnalysisSettingsTravelWithTheReading() {
    MotionReading reading = reading(detection("ev-1", "vehicle", 0.6));

    assertThat(reading.analysisMode()).isEqualTo("single_frame");
    assertThat(reading.motionCooldownSeconds()).isEqualTo(45);
    assertThat(reading.smartDetectionTypes()).containsExactly("person", "vehicle");
    assertThat(reading.promptOverride()).isEqualTo("Who is at the door?");
  }

  @Test
  void aReadingWhoseMediaFailedHasNoFrames() {
    MotionReading reading =
        DetectionReadings.reading(
            "p-1", detection("ev-1", "person", 0.8), DOOR, "c1", DetectionMedia.Media.none("404"));

    assertThat(reading.frames()).isEmpty();
    assertThat(reading.thumbnail()).isNull();
    assertThat(reading.objects()).hasSize(1);
  }
}
