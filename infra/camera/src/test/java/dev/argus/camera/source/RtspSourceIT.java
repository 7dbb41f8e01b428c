package dev.argus.camera.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.ffmpeg.Ffmpeg;
import dev.argus.camera.source.SourceFailure.Kind;
import dev.argus.camera.testing.Decoders;
import dev.argus.camera.testing.RtspCamera;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RTSP cameras read through the ffmpeg subprocess, against GStreamer's RTSP server. */
class RtspSourceIT {

  private static RtspCamera camera;
  private final FrameSourceFactory sources = CameraSources.factory();

  @BeforeAll
  static void startCamera() {
    camera = RtspCamera.start();
  }

  @AfterAll
  static void stopCamera() {
    if (camera != null) {
      camera.close();
    }
  }

  static SourceSpec rtsp(String url, String transport, String user, String password) {
    return new SourceSpec("rtsp", url, transport, user, password, null);
  }

  @Test
  void theBallStreamsAsH264FramesThatChange() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(rtsp(camera.url(RtspCamera.BALL), "tcp", null, null), 5, 640))) {
      Frame first = run.nextFrame();
      Frame later = run.nextFrame();
      for (int i = 0; i < 4; i++) {
        later = run.nextFrame();
      }

      assertThat(run.infos).first().isEqualTo(new StreamInfo(320, 240, 5.0, "h264"));
      assertThat(first.image().getWidth()).isEqualTo(320);
      assertThat(first.image().getHeight()).isEqualTo(240);
      assertThat(later.capturedAt()).isAfter(first.capturedAt());
      assertThat(pixels(later.image())).isNotEqualTo(pixels(first.image()));
    }
  }

  @Test
  void framesAreScaledToTheMaximumWidthKeepingTheAspect() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(rtsp(camera.url(RtspCamera.STILL), "tcp", null, null), 2, 160))) {
      Frame frame = run.nextFrame();

      assertThat(frame.image().getWidth()).isEqualTo(160);
      assertThat(frame.image().getHeight()).isEqualTo(120);
      assertThat(run.infos).first().extracting(StreamInfo::width).isEqualTo(320);
    }
  }

  @Test
  void rtpJpegIsDecodedToo() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(rtsp(camera.url(RtspCamera.MJPEG), "tcp", null, null), 5, 640))) {
      run.nextFrame();

      assertThat(run.infos).first().extracting(StreamInfo::codec).isEqualTo("mjpeg");
    }
  }

  @Test
  void udpTransportDeliversFrames() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(rtsp(camera.url(RtspCamera.BALL), "udp", null, null), 5, 640))) {
      assertThat(run.nextFrame().image().getWidth()).isEqualTo(320);
    }
  }

  @Test
  void rightCredentialsOpenTheSecureMount() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(
                rtsp(camera.url(RtspCamera.SECURE), "tcp", RtspCamera.USER, RtspCamera.PASSWORD),
                5,
                640))) {
      assertThat(run.nextFrame().image().getWidth()).isEqualTo(320);
    }
  }

  @Test
  void wrongCredentialsAreAnUnauthorizedError() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(
                rtsp(camera.url(RtspCamera.SECURE), "tcp", RtspCamera.USER, "wrong"), 5, 640))) {
      SourceFailure failure = run.awaitEnd();

      assertThat(failure.kind()).isEqualTo(Kind.ERROR);
      assertThat(failure.getMessage()).isEqualTo("401 Unauthorized");
      assertThat(run.frames).isEmpty();
    }
  }

  @Test
  void noCredentialsAreAnUnauthorizedError() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(rtsp(camera.url(RtspCamera.SECURE), "tcp", null, null), 5, 640))) {
      assertThat(run.awaitEnd().getMessage()).isEqualTo("401 Unauthorized");
    }
  }

  @Test
  void aWrongPathIsANotFoundError() throws Exception {
    try (Streaming run =
        Streaming.start(sources.open(rtsp(camera.url("/nope"), "tcp", null, null), 5, 640))) {
      SourceFailure failure = run.awaitEnd();

      assertThat(failure.kind()).isEqualTo(Kind.ERROR);
      assertThat(failure.getMessage()).isEqualTo("404 Not Found");
    }
  }

  @Test
  void aClosedPortIsOfflineRefused() throws Exception {
    int closedPort = FreePorts.closed();
    try (Streaming run =
        Streaming.start(
            sources.open(
                rtsp("rtsp://127.0.0.1:" + closedPort + "/ball", "tcp", null, null), 5, 640))) {
      SourceFailure failure = run.awaitEnd();

      assertThat(failure.kind()).isEqualTo(Kind.OFFLINE);
      assertThat(failure.getMessage()).isEqualTo("connection refused");
    }
  }

  @Test
  void closeEndsTheStreamNormallyAndLeavesNoDecoderBehind() throws Exception {
    Streaming run =
        Streaming.start(sources.open(rtsp(camera.url(RtspCamera.BALL), "tcp", null, null), 5, 640));
    run.nextFrame();
    assertThat(Decoders.running()).isNotEmpty();

    run.close();

    assertThat(run.awaitEnd()).isNull();
    assertThat(Decoders.running()).isEmpty();
  }

  @Test
  void aCameraThatGoesAwayEndsTheStreamOfflineAndCanBeReadAgainWhenItComesBack() throws Exception {
    try (RtspCamera leaving = RtspCamera.start()) {
      SourceSpec ball = rtsp(leaving.url(RtspCamera.BALL), "tcp", null, null);
      try (Streaming run = Streaming.start(sources.open(ball, 5, 640))) {
        run.nextFrame();

        leaving.goAway();
        SourceFailure failure = run.awaitEnd();

        assertThat(failure.kind()).isEqualTo(Kind.OFFLINE);
        assertThat(failure.getMessage()).isEqualTo("stream ended");
      }

      leaving.comeBack();

      try (Streaming again = Streaming.start(sources.open(ball, 5, 640))) {
        assertThat(again.nextFrame().image().getWidth()).isEqualTo(320);
      }
    }
  }

  @Test
  void aDecoderThatDiesEndsTheStreamOffline() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(rtsp(camera.url(RtspCamera.BALL), "tcp", null, null), 5, 640))) {
      run.nextFrame();

      Decoders.running().forEach(ProcessHandle::destroyForcibly);

      assertThat(run.awaitEnd())
          .extracting(SourceFailure::kind, SourceFailure::getMessage)
          .containsExactly(Kind.OFFLINE, "decoder died (signal 9)");
    }
  }

  @Test
  void aCameraThatAcceptsButNeverAnswersIsOfflineTimeout() throws Exception {
    try (SilentServer silent = new SilentServer();
        Streaming run =
            Streaming.start(
                sources.open(
                    rtsp("rtsp://127.0.0.1:" + silent.port() + "/ball", "tcp", null, null),
                    5,
                    640))) {
      SourceFailure failure = run.awaitEnd();

      assertThat(failure.kind()).isEqualTo(Kind.OFFLINE);
      assertThat(failure.getMessage()).isEqualTo("timeout");
    }
  }

  @Test
  void aMissingDeviceIsAnError() throws Exception {
    try (Streaming run =
        Streaming.start(
            sources.open(new SourceSpec("usb", "/dev/video99", null, null, null, null), 5, 640))) {
      assertThat(run.awaitEnd())
          .extracting(SourceFailure::kind, SourceFailure::getMessage)
          .containsExactly(Kind.ERROR, "no such device /dev/video99");
    }
  }

  @Test
  void aMissingFfmpegIsAnErrorNotAnException() throws Exception {
    FrameSourceFactory withoutFfmpeg = CameraSources.factory(new Ffmpeg("/nonexistent/ffmpeg"));
    try (Streaming run =
        Streaming.start(
            withoutFfmpeg.open(rtsp(camera.url(RtspCamera.BALL), "tcp", null, null), 5, 640))) {
      SourceFailure failure = run.awaitEnd();

      assertThat(failure.kind()).isEqualTo(Kind.ERROR);
      assertThat(failure.getMessage()).startsWith("ffmpeg is not installed");
    }
    assertThat(
            CameraSources.tester(new Ffmpeg("/nonexistent/ffmpeg"))
                .test(rtsp(camera.url(RtspCamera.BALL), "tcp", null, null), Duration.ofSeconds(10))
                .message())
        .startsWith("ffmpeg is not installed");
  }

  static int[] pixels(BufferedImage image) {
    return Arrays.copyOf(
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()),
        image.getWidth() * image.getHeight());
  }
}
