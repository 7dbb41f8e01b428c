package dev.argus.collector.camera;

import static dev.argus.collector.camera.Cameras.camera;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.camera.source.FrameSourceFactory;
import dev.argus.camera.source.SourceFailure;
import dev.argus.collector.testing.SyntheticCamera;
import dev.argus.collector.testing.SyntheticCamera.Scene;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.MotionReading;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CameraWorkerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final RecordingReadings readings = new RecordingReadings();
  private final List<CameraWorker> started = new ArrayList<>();

  @AfterEach
  void stopWorkers() {
    started.forEach(CameraWorker::stop);
  }

  private CameraWorker start(Cameras camera, FrameSourceFactory sources, CameraSettings settings) {
    var worker =
        new CameraWorker(camera.desired(), "c1", sources, readings, settings, Clock.systemUTC());
    started.add(worker);
    worker.start();
    return worker;
  }

  private CameraWorker start(Cameras camera, FrameSourceFactory sources) {
    return start(camera, sources, CameraSettings.defaults());
  }

  private static BufferedImage decode(byte[] jpeg) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(image).as("a decodable JPEG").isNotNull();
    return image;
  }

  @Test
  void motionBecomesOneReadingWithTheFramesOfItsAnalysisMode() throws IOException {
    var source = new SyntheticCamera(Scene.MOVING_BOX);
    CameraWorker worker = start(camera("garden").multiFrame(3).cooldown(60), source);

    MotionReading reading =
        await()
            .atMost(PATIENCE)
            .until(() -> readings.readings.stream().findFirst().orElse(null), r -> r != null);
    // the movement goes on for 20 more analysed frames (2 s): the local hold-off (10 s) publishes
    // nothing more
    long analysed = worker.framesAnalysed();
    await().atMost(PATIENCE).until(() -> worker.framesAnalysed() >= analysed + 20);

    assertThat(readings.readings).hasSize(1);
    assertThat(reading.cameraId()).isEqualTo("garden");
    assertThat(reading.cameraName()).isEqualTo("Camera garden");
    assertThat(reading.collectorId()).isEqualTo("c1");
    assertThat(reading.source()).isEqualTo("motion");
    assertThat(reading.detectionType()).isEqualTo("motion");
    assertThat(reading.analysisMode()).isEqualTo("multi_frame");
    assertThat(reading.motionCooldownSeconds()).isEqualTo(60);
    assertThat(reading.smartDetectionTypes()).containsExactly("person", "vehicle");
    assertThat(reading.promptOverride()).isEqualTo("Who is in the garden?");
    assertThat(reading.score()).isGreaterThan(0.005);
    // the box moves along the band 100..140 of 240 px
    assertThat(reading.box().y()).isBetween(95 / 240.0, 105 / 240.0);
    assertThat(reading.box().height()).isBetween(35 / 240.0, 45 / 240.0);
    assertThat(reading.frames()).hasSize(3);
    for (CapturedFrame frame : reading.frames()) {
      BufferedImage image = decode(frame.jpeg());
      assertThat(image.getWidth()).isEqualTo(frame.width()).isEqualTo(SyntheticCamera.WIDTH);
      assertThat(image.getHeight()).isEqualTo(frame.height()).isEqualTo(SyntheticCamera.HEIGHT);
    }
    assertThat(reading.at()).isEqualTo(reading.frames().getFirst().capturedAt());
    // every 8th analysed frame at 10 fps: spread over about 1.6 s
    assertThat(
            Duration.between(
                reading.frames().getFirst().capturedAt(), reading.frames().getLast().capturedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    assertThat(decode(reading.thumbnail()).getWidth()).isEqualTo(SyntheticCamera.WIDTH);
  }

  @Test
  void framesAndThumbnailsAreBoundedInWidth() throws IOException {
    var source = new SyntheticCamera(Scene.MOVING_BOX);
    // frames decoded at 320 px and a max width of 200: captured at 200, thumbnails too
    start(camera("narrow"), source, new CameraSettings(200, null, null, null, null));

    MotionReading reading =
        await()
            .atMost(PATIENCE)
            .until(() -> readings.readings.stream().findFirst().orElse(null), r -> r != null);

    assertThat(source.opens().getFirst().maxWidth()).isEqualTo(200);
    assertThat(reading.frames()).hasSize(1);
    assertThat(decode(reading.frames().getFirst().jpeg()).getWidth()).isEqualTo(200);
    assertThat(decode(reading.frames().getFirst().jpeg()).getHeight()).isEqualTo(150);
    assertThat(decode(reading.thumbnail()).getWidth()).isEqualTo(200);
  }

  @Test
  void withoutCooldownLastingMotionPublishesReadingAfterReading() {
    var source = new SyntheticCamera(Scene.MOVING_BOX);
    start(camera("busy").cooldown(0), source);

    await().atMost(PATIENCE).until(() -> readings.readings.size() >= 3);

    assertThat(readings.readings).allSatisfy(reading -> assertThat(reading.frames()).hasSize(1));
    assertThat(readings.readings.stream().map(MotionReading::readingId).distinct())
        .hasSameSizeAs(readings.readings);
  }

  @Test
  void aStillSceneIsOnlineWithoutReadings() {
    var source = new SyntheticCamera(Scene.STILL);
    CameraWorker worker = start(camera("still").sensitivity("high"), source);

    await().atMost(PATIENCE).until(() -> worker.framesAnalysed() >= 30);

    assertThat(readings.readings).isEmpty();
    assertThat(readings.states("still")).containsExactly("online");
    CameraStatus online = readings.statuses.getFirst();
    assertThat(online.collectorId()).isEqualTo("c1");
    assertThat(online.width()).isEqualTo(SyntheticCamera.WIDTH);
    assertThat(online.height()).isEqualTo(SyntheticCamera.HEIGHT);
    assertThat(online.codec()).isEqualTo("synthetic");
  }

  @Test
  void anUnreachableCameraIsReportedWithItsReasonAndComesBackByItself() {
    var source = new SyntheticCamera(Scene.STILL);
    source.failNextOpens(
        new SourceFailure(SourceFailure.Kind.OFFLINE, "connection refused"),
        new SourceFailure(SourceFailure.Kind.ERROR, "401 Unauthorized"));
    start(camera("gate"), source);

    await().atMost(PATIENCE).until(() -> readings.states("gate").contains("online"));

    assertThat(readings.states("gate"))
        .containsExactly("offline: connection refused", "error: 401 Unauthorized", "online");
    assertThat(source.opens()).hasSize(3);
    // the password reached the source decrypted
    assertThat(source.opens().getFirst().spec().password()).isEqualTo("secret");
  }

  @Test
  void aStreamThatBreaksIsReopenedAndOnlineAgain() {
    var source = new SyntheticCamera(Scene.STILL);
    start(camera("porch"), source);
    await().atMost(PATIENCE).until(() -> readings.states("porch").contains("online"));

    source.cut(new SourceFailure(SourceFailure.Kind.OFFLINE, "the stream ended"));

    await().atMost(PATIENCE).until(() -> readings.states("porch").size() >= 3);
    assertThat(readings.states("porch"))
        .containsExactly("online", "offline: the stream ended", "online");
    assertThat(source.opens()).hasSize(2);
  }

  @Test
  void aSourceThatThrowsIsAnErrorAndIsRetried() {
    var opens = new AtomicInteger();
    FrameSourceFactory broken =
        (spec, fps, maxWidth) -> {
          opens.incrementAndGet();
          throw new IllegalStateException("ffmpeg is not installed");
        };
    start(camera("broken"), broken);

    await().atMost(PATIENCE).until(() -> opens.get() >= 2);

    assertThat(readings.states("broken")).containsExactly("error: ffmpeg is not installed");
  }

  @Test
  void statusesRepeatEveryIntervalWithTheMeasuredFps() {
    var source = new SyntheticCamera(Scene.STILL);
    start(
        camera("yard"), source, new CameraSettings(null, Duration.ofSeconds(1), null, null, null));

    CameraStatus periodic =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    readings.statuses.stream()
                        .filter(status -> status.fps() != null)
                        .findFirst()
                        .orElse(null),
                status -> status != null);

    assertThat(periodic.state()).isEqualTo("online");
    assertThat(periodic.fps()).isPositive();
    assertThat(periodic.width()).isEqualTo(SyntheticCamera.WIDTH);
  }

  @Test
  void analysisSettingsChangeWithoutAReconnectAndASourceChangeNeedsOne() {
    var source = new SyntheticCamera(Scene.STILL);
    Cameras camera = camera("drive");
    CameraWorker worker = start(camera, source);
    await().atMost(PATIENCE).until(() -> readings.states("drive").contains("online"));

    worker.update(camera.sensitivity("low").cooldown(5).fps(5).config());

    assertThat(worker.camera().motionSensitivity()).isEqualTo("low");
    assertThat(worker.needsRestartFor(camera.sensitivity("low").fps(5).desired())).isFalse();
    assertThat(worker.needsRestartFor(camera.fps(15).desired())).isTrue();
    assertThat(worker.needsRestartFor(camera.url("rtsp://10.0.0.9/other").desired())).isTrue();
    assertThat(source.opens()).hasSize(1);
  }

  @Test
  void aFasterSourceThanTheAnalysisIsAnalysedAtTheCamerasFps() {
    var source = new SyntheticCamera(Scene.STILL);
    source.deliverAt(20);
    CameraWorker worker = start(camera("fast").fps(5), source);
    await().atMost(PATIENCE).until(() -> worker.framesAnalysed() >= 10);

    worker.stop();

    // 20 frames a second received, 5 analysed: about a quarter
    assertThat(worker.framesAnalysed()).isLessThan(worker.framesReceived() / 2);
  }
}
