package dev.argus.camera.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reasons from ffmpeg 5.1's own last words, as captured against the test cameras. */
class FfmpegFailuresTest {

  private static SourceFailure explain(boolean sawStream, boolean timedOut, String... lines) {
    return FfmpegFailures.explain(List.of(lines), sawStream, timedOut);
  }

  private static void assertReason(SourceFailure failure, Kind kind, String reason) {
    assertThat(failure.kind()).isEqualTo(kind);
    assertThat(failure.getMessage()).isEqualTo(reason);
  }

  @Test
  void theCamerasStatusIsAnError() {
    assertReason(
        explain(
            false,
            false,
            "[rtsp @ 0x564239880a40] method DESCRIBE failed: 401 Unauthorized",
            "rtsp://127.0.0.1:37819/secure: Server returned 401 Unauthorized (authorization"
                + " failed)"),
        Kind.ERROR,
        "401 Unauthorized");
    assertReason(
        explain(false, false, "rtsp://127.0.0.1:39955/nope: Server returned 404 Not Found"),
        Kind.ERROR,
        "404 Not Found");
    assertReason(
        explain(
            false,
            false,
            "http://127.0.0.1:8/x.mjpg: Server returned 403 Forbidden (access denied)"),
        Kind.ERROR,
        "403 Forbidden");
    assertReason(
        explain(false, false, "http://127.0.0.1:8/x.mjpg: Server returned 5XX Server Error reply"),
        Kind.ERROR,
        "5xx Server Error");
  }

  @Test
  void notReachingTheCameraIsOffline() {
    assertReason(
        explain(false, false, "rtsp://127.0.0.1:1/ball: Connection refused"),
        Kind.OFFLINE,
        "connection refused");
    assertReason(
        explain(false, false, "http://127.0.0.1:45999/video.mjpg: Connection timed out"),
        Kind.OFFLINE,
        "timeout");
    assertReason(
        explain(
            false,
            false,
            "[tcp @ 0x561a5d19f500] Failed to resolve hostname cam.invalid: Name or service not"
                + " known",
            "rtsp://cam.invalid/ball: Input/output error"),
        Kind.OFFLINE,
        "unknown host");
  }

  @Test
  void silenceUntilTheSocketTimeoutIsATimeoutNotBadData() {
    assertReason(
        explain(
            false, true, "rtsp://127.0.0.1:45999/ball: Invalid data found when processing input"),
        Kind.OFFLINE,
        "timeout");
  }

  @Test
  void anEarlierRetryNoticeIsNotTheReason() {
    assertReason(
        explain(
            true,
            false,
            "[rtsp @ 0x55f0] UDP timeout, retrying with TCP",
            "frame=   42 fps=5.0 q=-0.0 Lsize=    9450kB time=00:00:08.40"),
        Kind.OFFLINE,
        "stream ended");
  }

  @Test
  void anAnswerThatIsNoVideoIsAnError() {
    assertReason(
        explain(false, false, "http://127.0.0.1:45998/: Invalid data found when processing input"),
        Kind.ERROR,
        "not a video stream (the decoder found no video in its answer)");
  }

  @Test
  void aStreamThatStopsWithoutAWordEnded() {
    assertReason(
        explain(
            true,
            false,
            "frame=   19 fps=0.0 q=-0.0 Lsize=    4275kB time=00:00:03.80 bitrate=9216.0kbits/s",
            "video:4275kB audio:0kB subtitle:0kB other streams:0kB global headers:0kB"),
        Kind.OFFLINE,
        "stream ended");
  }
}
