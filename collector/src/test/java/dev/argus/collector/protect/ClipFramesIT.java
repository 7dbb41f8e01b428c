package dev.argus.collector.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames cut from a real MP4 (made here by ffmpeg from its test source) by the ffmpeg binary. */
class ClipFramesIT {

  private final ClipFrames clips = new ClipFrames("ffmpeg", Duration.ofSeconds(30), 640);

  static byte[] clip(Path dir, int seconds) throws Exception {
    Path mp4 = dir.resolve("clip.mp4");
    Process process =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=1280x720:rate=15:duration=" + seconds,
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-movflags",
                "+faststart",
                mp4.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    return Files.readAllBytes(mp4);
  }

  @Test
  void aThreeSecondClipGivesTheRequestedFramesSpreadOverItAtMostTheFrameWidth(@TempDir Path dir)
      throws Exception {
    List<ClipFrames.ClipFrame> frames = clips.cut(clip(dir, 3), 5);

    assertThat(frames).hasSize(5);
    assertThat(frames)
        .allSatisfy(
            frame -> {
              assertThat(frame.image().getWidth()).isEqualTo(640);
              assertThat(frame.image().getHeight()).isEqualTo(360);
            });
    assertThat(frames.getFirst().offset()).isEqualTo(Duration.ZERO);
    assertThat(frames.getLast().offset()).isGreaterThanOrEqualTo(Duration.ofMillis(2800));
    assertThat(frames)
        .extracting(ClipFrames.ClipFrame::offset)
        .isSortedAccordingTo(Duration::compareTo)
        .doesNotHaveDuplicates();
  }

  @Test
  void aShortClipGivesWhatItHas(@TempDir Path dir) throws Exception {
    assertThat(clips.cut(clip(dir, 1), 10)).hasSize(10);
    assertThat(clips.cut(clip(dir, 1), 1)).hasSize(1);
  }

  @Test
  void bytesThatAreNoVideoAreAnErrorSayingWhatFfmpegSaid() {
    assertThatThrownBy(() -> clips.cut("not a video".getBytes(), 3))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("ffmpeg could not read the clip (exit ");
  }

  @Test
  void aMissingFfmpegIsAnErrorSayingSo() {
    var missing = new ClipFrames("/nonexistent/ffmpeg", Duration.ofSeconds(5), 640);

    assertThatThrownBy(() -> missing.cut(new byte[] {0}, 3))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ffmpeg is not installed");
  }

  @Test
  void spreadPicksFirstAndLastAndEvenlyBetween() {
    assertThat(ClipFrames.spread(30, 4)).containsExactly(0, 10, 19, 29);
    assertThat(ClipFrames.spread(3, 5)).containsExactly(0, 1, 2);
    assertThat(ClipFrames.spread(30, 1)).containsExactly(0);
  }
}
