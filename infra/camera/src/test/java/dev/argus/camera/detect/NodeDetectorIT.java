package dev.argus.camera.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.argus.camera.scene.SyntheticScene;
import dev.argus.camera.testing.DetectorSidecar;
import dev.argus.camera.testing.Footage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real sidecar (Node, CenterNet COCO on the tfjs wasm backend) on real frames: the people of
 * the car-park footage are found, the synthetic moving box is no person, a frame that is no JPEG
 * gets an error while the sidecar goes on, a killed sidecar is started again, and close leaves no
 * Node behind. Skips without Node; installs the sidecar when it is not installed.
 */
class NodeDetectorIT {

  /** The collector's default minimum score for a person (DetectionTypeMapping). */
  private static final double PERSON_MIN_SCORE = 0.5;

  private static NodeDetector detector;

  @BeforeAll
  static void startDetector() {
    detector = DetectorSidecar.start();
  }

  @AfterAll
  static void closeDetector() {
    if (detector != null) {
      detector.close();
    }
  }

  @Test
  void findsThePeopleOfTheFootage() throws Exception {
    for (int second : List.of(10, 30, 50)) {
      List<Detection> found = detector.detect(footageFrame(second));

      assertThat(found)
          .as("frame at %d s: %s", second, found)
          .anyMatch(d -> d.label().equals("person") && d.score() >= PERSON_MIN_SCORE);
      assertThat(found).allMatch(d -> d.box().insideFrame() && d.score() > 0 && d.score() <= 1);
    }
    assertThat(detector.status()).isEqualTo(DetectorStatus.ACTIVE);
    assertThat(detector.readyLine())
        .containsEntry("model", "centernet")
        .containsEntry("human", "3.3.6")
        .containsEntry("backend", "wasm");
  }

  @Test
  void theSyntheticMovingBoxIsNoPerson() throws Exception {
    SyntheticScene scene = SyntheticScene.moving(640, 480);
    for (int second : List.of(1, 3, 5)) {
      List<Detection> found = detector.detect(scene.frameAt(Duration.ofSeconds(second)));

      assertThat(found).as("box at %d s", second).noneMatch(d -> d.label().equals("person"));
    }
  }

  @Test
  void aFrameThatIsNoJpegIsAnsweredWithAnErrorAndTheNextFrameWorks() throws Exception {
    byte[] person = footageFrame(30);
    detector.detect(person);
    long pid = detector.process().orElseThrow().pid();

    assertThatThrownBy(() -> detector.detect("not a picture".getBytes()))
        .isInstanceOf(DetectorException.class)
        .hasMessageContaining("not a JPEG image");

    assertThat(detector.detect(person)).anyMatch(d -> d.label().equals("person"));
    assertThat(detector.process().orElseThrow().pid()).isEqualTo(pid);
  }

  @Test
  void aKilledSidecarIsStartedAgain() throws Exception {
    byte[] person = footageFrame(30);
    detector.detect(person);
    ProcessHandle first = detector.process().orElseThrow();

    first.destroyForcibly();
    first.onExit().get(10, TimeUnit.SECONDS);

    assertThat(detector.detect(person)).anyMatch(d -> d.label().equals("person"));
    assertThat(detector.process().orElseThrow().pid()).isNotEqualTo(first.pid());
    assertThat(detector.status()).isEqualTo(DetectorStatus.ACTIVE);
  }

  @Test
  void closeLeavesNoNodeBehind() throws Exception {
    NodeDetector own = DetectorSidecar.start();
    own.detect(SyntheticScene.still(320, 240).frameAt(Duration.ZERO));
    ProcessHandle node = own.process().orElseThrow();

    own.close();

    assertThat(node.isAlive()).isFalse();
    assertThatThrownBy(() -> own.detect(new byte[] {1}))
        .isInstanceOf(DetectorException.class)
        .hasMessageContaining("closed");
  }

  /** One frame of the footage at its own size (384x288), as the collector captures it. */
  static byte[] footageFrame(int second) throws IOException, InterruptedException {
    var footage = Footage.path();
    Process ffmpeg;
    try {
      ffmpeg =
          new ProcessBuilder(
                  "ffmpeg",
                  "-nostdin",
                  "-loglevel",
                  "error",
                  "-ss",
                  Integer.toString(second),
                  "-i",
                  footage.toString(),
                  "-frames:v",
                  "1",
                  "-q:v",
                  "3",
                  "-f",
                  "image2",
                  "-c:v",
                  "mjpeg",
                  "pipe:1")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return abort("ffmpeg is not installed (run infra/bin/install-test-deps.sh)");
    }
    byte[] jpeg = ffmpeg.getInputStream().readAllBytes();
    assertThat(ffmpeg.waitFor()).as("ffmpeg exit code").isZero();
    return jpeg;
  }
}
