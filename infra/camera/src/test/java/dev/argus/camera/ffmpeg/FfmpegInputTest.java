package dev.argus.camera.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FfmpegInputTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void rtspCarriesTransportTimeoutAndEncodedCredentials() throws SourceFailure {
    FfmpegInput input =
        FfmpegInput.of(
            new SourceSpec("rtsp", "rtsp://127.0.0.1:8554/cam", "udp", "admin", "a b@c", null),
            TIMEOUT);

    assertThat(input.arguments())
        .containsExactly(
            "-rtsp_transport",
            "udp",
            "-timeout",
            "5000000",
            "-i",
            "rtsp://admin:a%20b%40c@127.0.0.1:8554/cam");
    assertThat(input.redactor().apply("rtsp://admin:a%20b%40c@127.0.0.1:8554/cam: 401"))
        .isEqualTo("rtsp://***@127.0.0.1:8554/cam: 401")
        .doesNotContain("a%20b%40c");
  }

  @Test
  void mjpegSendsBasicCredentialsAsAHeaderAndHidesThem() throws SourceFailure {
    FfmpegInput input =
        FfmpegInput.of(
            new SourceSpec("mjpeg", "http://127.0.0.1:8080/video.mjpg", null, "cam", "pw", null),
            TIMEOUT);

    assertThat(input.arguments())
        .containsExactly(
            "-timeout", "5000000",
            // Multipart frames carry no timestamps: stamped on arrival, or ffmpeg assumes 25 fps.
            "-use_wallclock_as_timestamps", "1",
            "-headers", "Authorization: Basic Y2FtOnB3\r\n",
            "-i", "http://127.0.0.1:8080/video.mjpg");
    assertThat(input.redactor().apply("Authorization: Basic Y2FtOnB3"))
        .isEqualTo("Authorization: Basic ***");
  }

  @Test
  void anUnknownTransportIsAnError() {
    assertThatThrownBy(
            () ->
                FfmpegInput.of(
                    new SourceSpec("rtsp", "rtsp://127.0.0.1/cam", "sctp", null, null, null),
                    TIMEOUT))
        .isInstanceOf(SourceFailure.class)
        .hasMessage("transport must be tcp or udp, got sctp");
  }

  @Test
  void aSnapshotCameraIsNotFfmpegs() {
    assertThatThrownBy(
            () ->
                FfmpegInput.of(
                    new SourceSpec("snapshot", "http://127.0.0.1/s.jpg", null, null, null, null),
                    TIMEOUT))
        .isInstanceOf(SourceFailure.class)
        .hasMessage("ffmpeg reads rtsp, mjpeg and usb cameras, not snapshot");
  }
}
