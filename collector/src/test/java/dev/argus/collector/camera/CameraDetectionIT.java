package dev.argus.collector.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.camera.source.CameraSources;
import dev.argus.camera.testing.DetectorSidecar;
import dev.argus.camera.testing.Footage;
import dev.argus.camera.testing.RtspCamera;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.MotionReading;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camera workers with the real object detector (the Node sidecar, CenterNet COCO) against the real
 * RTSP camera: the car-park footage becomes a reading typed {@code person} by {@code centernet}
 * with a person object, the moving ball a reading the detector ran on and found no person in. Skips
 * without GStreamer, the footage or Node; installs the sidecar when it is not installed.
 */
class CameraDetectionIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static RtspCamera rtsp;
  private static ReadingDetector objects;

  private final RecordingReadings readings = new RecordingReadings();
  private final List<CameraWorker> started = new ArrayList<>();

  @BeforeAll
  static void start() {
    objects =
        new ReadingDetector(DetectorSidecar.start(), DetectionTypeMapping.MinScores.DEFAULTS, 40);
    rtsp = RtspCamera.start();
  }

  @AfterAll
  static void stop() {
    if (rtsp != null) {
      rtsp.close();
    }
    if (objects != null) {
      objects.close();
    }
  }

  @AfterEach
  void stopWorkers() {
    started.forEach(CameraWorker::stop);
  }

  private void watch(String id, String mount) {
    var camera =
        new CameraConfig(
            id,
            "RTSP " + mount,
            "rtsp",
            true,
            true,
            rtsp.url(mount),
            "tcp",
            null,
            null,
            null,
            null,
            Map.of(),
            5,
            "medium",
            60,
            List.of(),
            null,
            "multi_frame",
            3,
            List.of(),
            null,
            null,
            null,
            null);
    var worker =
        new CameraWorker(
            new DesiredCamera(camera, true, CameraSourceSpecs.of(camera, null), null),
            "c1",
            CameraSources.factory(),
            readings,
            CameraSettings.defaults(),
            objects,
            Clock.systemUTC());
    started.add(worker);
    worker.start();
  }

  private MotionReading firstReading() {
    return await()
        .atMost(PATIENCE)
        .until(() -> readings.readings.stream().findFirst().orElse(null), r -> r != null);
  }

  @Test
  void thePeopleOfTheFootageAreAPersonReadingOfTheDetector() {
    Footage.path();
    watch("car-park", RtspCamera.FOOTAGE);

    MotionReading reading = firstReading();

    assertThat(reading.detector()).isEqualTo(DetectionTypes.DETECTOR_CENTERNET);
    assertThat(reading.detectionType()).isEqualTo(DetectionTypes.PERSON);
    DetectedObject person = reading.objects().getFirst();
    assertThat(person.label()).isEqualTo(DetectionTypes.PERSON);
    assertThat(person.confidence()).isGreaterThanOrEqualTo(0.5);
    assertThat(person.box().x()).isBetween(0.0, 1.0);
    assertThat(person.box().x() + person.box().width()).isBetween(0.0, 1.0001);
    assertThat(person.box().y() + person.box().height()).isBetween(0.0, 1.0001);
    assertThat(reading.objects()).extracting(DetectedObject::label).doesNotHaveDuplicates();
    assertThat(reading.frames()).hasSize(3);
    CameraStatus online = readings.statuses.getFirst();
    assertThat(online.detector()).isEqualTo(DetectionTypes.DETECTOR_CENTERNET);
  }

  @Test
  void theMovingBallIsMotionWithoutAPerson() {
    watch("ball", RtspCamera.BALL);

    MotionReading reading = firstReading();

    assertThat(reading.detector()).isEqualTo(DetectionTypes.DETECTOR_CENTERNET);
    assertThat(reading.objects()).extracting(DetectedObject::label).doesNotContain("person");
    assertThat(reading.detectionType()).isNotEqualTo(DetectionTypes.PERSON);
  }
}
