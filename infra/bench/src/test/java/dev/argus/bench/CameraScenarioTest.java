package dev.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.argus.camera.scene.SyntheticScene;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraScenarioTest {

  @Test
  void aWindowIsReadFromTheWorkersResultLineAndPerCameraSecond() {
    var window =
        CameraCpuRun.Window.parse(
            4,
            "RESULT seconds=10.000 jvm_cpu=0.800 ffmpeg_cpu=0.400 ffmpeg_processes=4 received=200"
                + " analysed=190 dropped=3 readings=2");

    assertThat(window.cameras()).isEqualTo(4);
    assertThat(window.jvmPerCameraSecond()).isCloseTo(0.02, within(1e-9));
    assertThat(window.ffmpegPerCameraSecond()).isCloseTo(0.01, within(1e-9));
    assertThat(window.totalPerCameraSecond()).isCloseTo(0.03, within(1e-9));
    assertThat(window.analysedFpsPerCamera()).isCloseTo(4.75, within(1e-9));
    assertThat(window.dropped()).isEqualTo(3);
  }

  @Test
  void theOriginOfEachEpisodeIsTheFirstFrameShowingTheBoxMoved() {
    // 5 fps, a 2.5 s period with 0.8 s of movement: the frame at a period's start still shows
    // the box where it rested; the next one (0.1 s into the period) shows it moved.
    SyntheticScene scene =
        SyntheticScene.repeating(640, 360, Duration.ofMillis(2_500), Duration.ofMillis(800));
    long interval = Duration.ofMillis(200).toNanos();
    List<Long> firsts = new ArrayList<>();
    for (long index = 0; index < 40; index++) {
      if (ScriptedMjpegCamera.firstMovedFrame(scene, index, interval)) {
        firsts.add(index);
      }
    }

    assertThat(firsts).containsExactly(13L, 26L, 38L);
  }
}
