package dev.argus.collector.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.camera.detect.Detection;
import dev.argus.camera.detect.DetectorException;
import dev.argus.camera.detect.DetectorStatus;
import dev.argus.camera.detect.ObjectDetector;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.MotionReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The typing of readings around a scripted detector (the real one is proven by CameraDetectionIT):
 * objects and type when it answers, the reading as it was when it cannot.
 */
class ReadingDetectorTest {

  private final List<MotionReading> published = new CopyOnWriteArrayList<>();

  /** Answers frame by frame from a script: a list of detections, or an exception. */
  private static final class ScriptedDetector implements ObjectDetector {
    final List<Object> answers;
    final CountDownLatch release;
    DetectorStatus status = DetectorStatus.ACTIVE;
    int asked;

    ScriptedDetector(CountDownLatch release, Object... answers) {
      this.release = release;
      this.answers = new ArrayList<>(List.of(answers));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized List<Detection> detect(byte[] jpeg) throws DetectorException {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new DetectorException("interrupted");
      }
      Object answer = answers.get(asked++ % answers.size());
      if (answer instanceof DetectorException e) {
        throw e;
      }
      return (List<Detection>) answer;
    }

    @Override
    public String model() {
      return "scripted";
    }

    @Override
    public DetectorStatus status() {
      return status;
    }

    @Override
    public void close() {}
  }

  private static Detection seen(String label, double score) {
    return new Detection(label, score, new Detection.Box(0.1, 0.1, 0.2, 0.5));
  }

  private static MotionReading reading(int frames) {
    List<CapturedFrame> captured = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      captured.add(new CapturedFrame(Instant.EPOCH.plusMillis(400L * i), 2, 2, new byte[] {1}));
    }
    return new MotionReading(
        "r" + frames,
        "cam",
        "Cam",
        "c1",
        Instant.EPOCH,
        "motion",
        "motion",
        0.1,
        null,
        captured,
        null,
        "multi_frame",
        60,
        List.of(),
        null,
        List.of(),
        null);
  }

  private static ReadingDetector typing(ObjectDetector detector, int maxPending) {
    return new ReadingDetector(detector, DetectionTypeMapping.MinScores.DEFAULTS, maxPending);
  }

  @Test
  void aReadingGetsTheObjectsTheTypeAndTheDetector() {
    var detector =
        new ScriptedDetector(
            new CountDownLatch(0),
            List.of(seen("car", 0.6)),
            List.of(seen("person", 0.7), seen("skis", 0.9)));
    ReadingDetector typing = typing(detector, 10);

    typing.publish(reading(2), published::add);

    await().until(() -> published.size() == 1);
    MotionReading typed = published.getFirst();
    assertThat(typed.detector()).isEqualTo(DetectionTypes.DETECTOR_CENTERNET);
    assertThat(typed.detectionType()).isEqualTo(DetectionTypes.PERSON);
    assertThat(typed.objects()).extracting(o -> o.label()).containsExactly("person", "vehicle");
    assertThat(typed.frames()).hasSize(2);
    assertThat(typing.activeDetector()).isEqualTo(DetectionTypes.DETECTOR_CENTERNET);
    assertThat(typing.typedReadings()).isEqualTo(1);
  }

  @Test
  void nothingFoundIsStillTypedByTheDetectorAsMotion() {
    ReadingDetector typing =
        typing(new ScriptedDetector(new CountDownLatch(0), List.of(seen("skis", 0.9))), 10);

    typing.publish(reading(1), published::add);

    await().until(() -> published.size() == 1);
    assertThat(published.getFirst().detector()).isEqualTo(DetectionTypes.DETECTOR_CENTERNET);
    assertThat(published.getFirst().detectionType()).isEqualTo(DetectionTypes.MOTION);
    assertThat(published.getFirst().objects()).isEmpty();
  }

  @Test
  void aDetectorThatAnswersNoFrameLosesNoReading() {
    ReadingDetector typing =
        typing(new ScriptedDetector(new CountDownLatch(0), new DetectorException("timed out")), 10);
    MotionReading reading = reading(3);

    typing.publish(reading, published::add);

    await().until(() -> published.size() == 1);
    assertThat(published.getFirst()).isSameAs(reading);
    assertThat(published.getFirst().detector()).isNull();
    assertThat(typing.frameErrors()).isEqualTo(3);
    assertThat(typing.untypedReadings()).isEqualTo(1);
  }

  @Test
  void framesThatFailedAreLeftOutAndTheOthersCount() {
    ReadingDetector typing =
        typing(
            new ScriptedDetector(
                new CountDownLatch(0),
                new DetectorException("not a JPEG image"),
                List.of(seen("dog", 0.5))),
            10);

    typing.publish(reading(2), published::add);

    await().until(() -> published.size() == 1);
    assertThat(published.getFirst().detectionType()).isEqualTo(DetectionTypes.ANIMAL);
    assertThat(typing.frameErrors()).isEqualTo(1);
  }

  @Test
  void aDetectorThatIsBehindLetsTheReadingGoOutAtOnce() {
    var release = new CountDownLatch(1);
    ReadingDetector typing = typing(new ScriptedDetector(release, List.of(seen("person", 0.9))), 2);

    typing.publish(reading(2), published::add);
    MotionReading second = reading(1);
    typing.publish(second, published::add);

    assertThat(published).containsExactly(second);
    release.countDown();
    await().until(() -> published.size() == 2);
    assertThat(published.getLast().detectionType()).isEqualTo(DetectionTypes.PERSON);
  }

  @Test
  void offOrMissingPublishesOnTheCallersThreadAsItIs() {
    MotionReading reading = reading(1);
    ReadingDetector.off().publish(reading, published::add);

    var missing = new ScriptedDetector(new CountDownLatch(0), List.of(seen("person", 0.9)));
    missing.status = DetectorStatus.missing("node not found");
    ReadingDetector typing = typing(missing, 10);
    typing.publish(reading, published::add);

    assertThat(published).containsExactly(reading, reading);
    assertThat(ReadingDetector.off().activeDetector()).isNull();
    assertThat(typing.activeDetector()).isNull();
    assertThat(typing.status()).isEqualTo("missing: node not found");
  }
}
