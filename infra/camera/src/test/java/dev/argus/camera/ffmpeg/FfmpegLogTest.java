package dev.argus.camera.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.source.StreamInfo;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** ffmpeg 5.1's stderr, as captured from runs against the test cameras. */
class FfmpegLogTest {

  private static final List<String> BALL_TO_RAW =
      List.of(
          "Input #0, rtsp, from 'rtsp://127.0.0.1:39955/ball':",
          "  Metadata:",
          "    title           : Session streamed with GStreamer",
          "  Duration: N/A, start: 0.200000, bitrate: N/A",
          "  Stream #0:0: Video: h264 (Constrained Baseline), yuv420p(tv, smpte170m, progressive),"
              + " 320x240 [SAR 1:1 DAR 4:3], 5 fps, 5 tbr, 90k tbn",
          "Stream mapping:",
          "  Stream #0:0 -> #0:0 (h264 (native) -> rawvideo (native))",
          "Output #0, rawvideo, to 'pipe:1':",
          "  Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24(pc,"
              + " gbr/smpte170m/smpte170m, progressive), 200x150 [SAR 1:1 DAR 4:3], q=2-31, 3600"
              + " kb/s, 5 fps, 5 tbn");

  @Test
  void readsTheInputStreamAndTheOutputSize() {
    FfmpegLog log = new FfmpegLog(UnaryOperator.identity());

    BALL_TO_RAW.forEach(log::accept);

    assertThat(log.input().getNow(null)).isEqualTo(new StreamInfo(320, 240, 5.0, "h264"));
    assertThat(log.output().getNow(null)).containsExactly(200, 150);
  }

  @Test
  void anMjpegStreamStatesNoRateAndItsTbrIsOnlyAGuess() {
    FfmpegLog log = new FfmpegLog(UnaryOperator.identity());

    log.accept("Input #0, mpjpeg, from 'http://127.0.0.1:40000/video.mjpg':");
    log.accept(
        "  Stream #0:0: Video: mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 640x360,"
            + " 25 tbr, 25 tbn");

    assertThat(log.input().getNow(null)).isEqualTo(new StreamInfo(640, 360, null, "mjpeg"));
    assertThat(log.output().isDone()).isFalse();
  }

  @Test
  void fractionalRatesAreKept() {
    assertThat(FfmpegLog.rate(", 1280x720, 29.97 fps, 29.97 tbr, 90k tbn")).isEqualTo(29.97);
    assertThat(FfmpegLog.rate(", 1280x720, 90k tbn")).isNull();
  }

  @Test
  void keptLinesAreRedacted() {
    FfmpegLog log = new FfmpegLog(line -> line.replace("s3cret", "***"));

    log.accept("rtsp://user:s3cret@127.0.0.1:37819/secure: Server returned 401 Unauthorized");

    assertThat(log.lastLines())
        .containsExactly(
            "rtsp://user:***@127.0.0.1:37819/secure: Server returned 401 Unauthorized");
  }
}
