package dev.argus.collector.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.camera.source.CameraSources;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.testing.RtspCamera;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.DetectionZone;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ZonePoint;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camera workers against a real RTSP camera (GStreamer's RTSP server on loopback, {@link
 * RtspCamera}) read through the production frame sources (ffmpeg): the moving ball is a motion
 * reading, the still test pattern is none, the test pattern whose corner flickers is motion unless
 * a detection zone leaves the corner out, and a camera that goes away is reported offline and comes
 * back online by itself. Skipped where GStreamer or python3-gi is missing.
 */
class CameraWorkerIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static RtspCamera rtsp;

  private final RecordingReadings readings = new RecordingReadings();
  private final List<CameraWorker> started = new ArrayList<>();

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

  @AfterEach
  void stopWorkers() {
    started.forEach(CameraWorker::stop);
  }

  private CameraWorker watch(String id, String mount, String mode, int frameCount) {
    return watch(id, mount, mode, frameCount, List.of());
  }

  private CameraWorker watch(
      String id, String mount, String mode, int frameCount, List<DetectionZone> zones) {
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
            zones,
            null,
            mode,
            frameCount,
            List.of(),
            null,
            null,
            null,
            null);
    SourceSpec source = CameraSourceSpecs.of(camera, null);
    var worker =
        new CameraWorker(
            new DesiredCamera(camera, true, source, null),
            "c1",
            CameraSources.factory(),
            readings,
            CameraSettings.defaults(),
            Clock.systemUTC());
    started.add(worker);
    worker.start();
    return worker;
  }

  @Test
  void theMovingBallIsAMotionReadingWithItsFrames() throws Exception {
    watch("ball", RtspCamera.BALL, "multi_frame", 3);

    MotionReading reading =
        await()
            .atMost(PATIENCE)
            .until(() -> readings.readings.stream().findFirst().orElse(null), r -> r != null);

    assertThat(readings.states("ball")).startsWith("online");
    CameraStatus online = readings.statuses.getFirst();
    assertThat(online.width()).isEqualTo(320);
    assertThat(online.codec()).isEqualTo("h264");
    assertThat(reading.frames()).hasSize(3);
    assertThat(reading.score()).isGreaterThan(0.005);
    assertThat(
            ImageIO.read(new ByteArrayInputStream(reading.frames().getFirst().jpeg())).getWidth())
        .isEqualTo(320);
  }

  @Test
  void theStillPatternIsNoMotion() {
    CameraWorker worker = watch("still", RtspCamera.STILL, "single_frame", 1);

    // 8 s of frames at 5 fps, after the warm-up
    await().atMost(PATIENCE).until(() -> worker.framesAnalysed() >= 40);

    assertThat(readings.states("still")).containsExactly("online");
    assertThat(readings.readings).isEmpty();
  }

  @Test
  void theFlickeringCornerIsMotionWithoutZones() {
    watch("corner", RtspCamera.NOISE_CORNER, "single_frame", 1);

    MotionReading reading =
        await()
            .atMost(PATIENCE)
            .until(() -> readings.readings.stream().findFirst().orElse(null), r -> r != null);

    // The change is low in the picture, where the pattern's animated corner is.
    assertThat(reading.box().y()).isGreaterThan(0.6);
  }

  @Test
  void aZoneThatLeavesTheFlickeringCornerOutSeesNoMotion() {
    // The upper 60 % of the picture: the animated corner is below it.
    var upper =
        new DetectionZone(
            "upper",
            List.of(
                new ZonePoint(0, 0),
                new ZonePoint(1, 0),
                new ZonePoint(1, 0.6),
                new ZonePoint(0, 0.6)),
            true);
    CameraWorker worker =
        watch("zoned", RtspCamera.NOISE_CORNER, "single_frame", 1, List.of(upper));

    await().atMost(PATIENCE).until(() -> worker.framesAnalysed() >= 40);

    assertThat(readings.states("zoned")).containsExactly("online");
    assertThat(readings.readings).isEmpty();
  }

  @Test
  void aCameraThatGoesAwayIsOfflineAndComesBackOnlineByItself() {
    watch("away", RtspCamera.STILL, "single_frame", 1);
    await().atMost(PATIENCE).until(() -> readings.states("away").contains("online"));

    rtsp.goAway();
    try {
      await()
          .atMost(PATIENCE)
          .until(() -> readings.states("away").stream().anyMatch(s -> s.startsWith("offline")));
    } finally {
      rtsp.comeBack();
    }

    await().atMost(PATIENCE).until(() -> readings.states("away").size() >= 3);
    List<String> states = readings.states("away");
    assertThat(states.getFirst()).isEqualTo("online");
    assertThat(states.get(1)).startsWith("offline: ");
    assertThat(states.getLast()).isEqualTo("online");
  }
}
