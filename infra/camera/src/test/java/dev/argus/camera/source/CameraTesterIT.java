package dev.argus.camera.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.scene.SyntheticScene;
import dev.argus.camera.testing.MjpegServer;
import dev.argus.camera.testing.RtspCamera;
import dev.argus.camera.testing.SnapshotServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection test of {@code POST /api/v1/cameras/test} against real cameras: each answer,
 * success or failure, within the api's 10 s.
 */
class CameraTesterIT {

  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static RtspCamera camera;
  private final CameraTester tester = CameraSources.tester();

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

  private ConnectionResult test(SourceSpec spec) {
    long started = System.nanoTime();
    ConnectionResult result = tester.test(spec, LIMIT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT);
    return result;
  }

  private static SourceSpec rtsp(String url, String user, String password) {
    return new SourceSpec("rtsp", url, "tcp", user, password, null);
  }

  @Test
  void anRtspCameraAnswersWithItsStreamAndAThumbnail() throws Exception {
    ConnectionResult result = test(rtsp(camera.url(RtspCamera.BALL), null, null));

    assertThat(result.success()).isTrue();
    assertThat(result.message()).isEqualTo("connected");
    assertThat(result.resolution()).isEqualTo("320x240");
    assertThat(result.fps()).isEqualTo(5.0);
    assertThat(result.codec()).isEqualTo("h264");
    BufferedImage thumbnail = thumbnail(result);
    assertThat(thumbnail.getWidth()).isEqualTo(160);
    assertThat(thumbnail.getHeight()).isEqualTo(120);
  }

  @Test
  void rtpJpegAndTheSecureMountWithCredentialsConnect() {
    assertThat(test(rtsp(camera.url(RtspCamera.MJPEG), null, null)))
        .extracting(ConnectionResult::success, ConnectionResult::codec)
        .containsExactly(true, "mjpeg");
    assertThat(
            test(rtsp(camera.url(RtspCamera.SECURE), RtspCamera.USER, RtspCamera.PASSWORD))
                .success())
        .isTrue();
  }

  @Test
  void failuresSayWhy() {
    assertFailure(
        rtsp(camera.url(RtspCamera.SECURE), RtspCamera.USER, "wrong"), "401 Unauthorized");
    assertFailure(rtsp(camera.url(RtspCamera.SECURE), null, null), "401 Unauthorized");
    assertFailure(rtsp(camera.url("/nope"), null, null), "404 Not Found");
    assertFailure(
        rtsp("rtsp://127.0.0.1:" + FreePorts.closed() + "/ball", null, null), "connection refused");
    assertFailure(
        new SourceSpec("usb", "/dev/video99", null, null, null, null),
        "no such device /dev/video99");
    assertFailure(
        rtsp("http://127.0.0.1/ball", null, null), "the URL must start with rtsp:// or rtsps://");
  }

  @Test
  void aCameraThatAcceptsButNeverAnswersTimesOutWithinTheLimit() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      assertFailure(rtsp("rtsp://127.0.0.1:" + silent.port() + "/ball", null, null), "timeout");
      assertFailure(
          new SourceSpec(
              "mjpeg", "http://127.0.0.1:" + silent.port() + "/video.mjpg", null, null, null, null),
          "timeout");
      assertFailure(
          new SourceSpec(
              "snapshot", "http://127.0.0.1:" + silent.port() + "/s.jpg", null, null, null, null),
          "timeout");
    }
  }

  @Test
  void mjpegAndSnapshotCamerasConnect() throws Exception {
    try (MjpegServer mjpeg = MjpegServer.of(SyntheticScene.moving(640, 360), 5);
        SnapshotServer snapshot = SnapshotServer.of(SyntheticScene.still(800, 600))) {
      ConnectionResult stream = test(new SourceSpec("mjpeg", mjpeg.url(), null, null, null, null));
      ConnectionResult still =
          test(new SourceSpec("snapshot", snapshot.url(), null, null, null, null));

      assertThat(stream)
          .extracting(
              ConnectionResult::success, ConnectionResult::resolution, ConnectionResult::codec)
          .containsExactly(true, "640x360", "mjpeg");
      assertThat(still)
          .extracting(
              ConnectionResult::success, ConnectionResult::resolution, ConnectionResult::codec)
          .containsExactly(true, "800x600", "jpeg");
      assertThat(thumbnail(still).getWidth()).isEqualTo(160);
    }
  }

  @Test
  void snapshotFailuresSayWhy() throws Exception {
    try (SnapshotServer server =
        SnapshotServer.of(SyntheticScene.still(320, 240)).withBasicAuth("a", "b")) {
      Supplier<String> url = server::url;
      assertFailure(
          new SourceSpec("snapshot", url.get(), null, "a", "wrong", null), "401 Unauthorized");
      assertFailure(
          new SourceSpec("snapshot", url.get() + "x", null, "a", "b", null), "404 Not Found");
      server.goAway();
      assertFailure(
          new SourceSpec("snapshot", url.get(), null, "a", "b", null), "connection refused");
    }
  }

  private void assertFailure(SourceSpec spec, String reason) {
    ConnectionResult result = test(spec);
    assertThat(result).isEqualTo(ConnectionResult.failure(reason));
  }

  private static BufferedImage thumbnail(ConnectionResult result) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(result.thumbnail())));
  }
}
