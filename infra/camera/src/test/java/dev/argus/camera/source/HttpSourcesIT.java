package dev.argus.camera.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.camera.image.Jpegs;
import dev.argus.camera.scene.SyntheticScene;
import dev.argus.camera.source.SourceFailure.Kind;
import dev.argus.camera.testing.MjpegServer;
import dev.argus.camera.testing.SnapshotServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MJPEG over HTTP (through ffmpeg) and snapshot URLs (through ImageIO), against loopback servers.
 */
class HttpSourcesIT {

  private static final Duration FAST = Duration.ofMillis(200);
  private final FrameSourceFactory sources = CameraSources.factory();

  static SourceSpec mjpeg(String url, String user, String password) {
    return new SourceSpec("mjpeg", url, null, user, password, null);
  }

  static SourceSpec snapshot(String url, String user, String password) {
    return new SourceSpec("snapshot", url, null, user, password, FAST);
  }

  @Test
  void anMjpegStreamIsDecodedForSeveralClientsAtOnce() throws Exception {
    try (MjpegServer server = MjpegServer.of(SyntheticScene.moving(640, 360), 5);
        Streaming first = Streaming.start(sources.open(mjpeg(server.url(), null, null), 5, 320));
        Streaming second = Streaming.start(sources.open(mjpeg(server.url(), null, null), 5, 320))) {
      Frame frame = first.nextFrame();
      second.nextFrame();

      assertThat(frame.image().getWidth()).isEqualTo(320);
      assertThat(frame.image().getHeight()).isEqualTo(180);
      assertThat(first.infos).first().isEqualTo(new StreamInfo(640, 360, null, "mjpeg"));
      assertThat(server.clients()).isEqualTo(2);
    }
  }

  @Test
  void anMjpegStreamTakesBasicCredentials() throws Exception {
    try (MjpegServer server =
            MjpegServer.of(SyntheticScene.still(320, 240), 5).withBasicAuth("cam", "s3cret:/@");
        Streaming right =
            Streaming.start(sources.open(mjpeg(server.url(), "cam", "s3cret:/@"), 5, 640));
        Streaming wrong =
            Streaming.start(sources.open(mjpeg(server.url(), "cam", "nope"), 5, 640))) {
      assertThat(right.nextFrame().image().getWidth()).isEqualTo(320);

      SourceFailure failure = wrong.awaitEnd();
      assertThat(failure.kind()).isEqualTo(Kind.ERROR);
      assertThat(failure.getMessage()).isEqualTo("401 Unauthorized");
    }
  }

  @Test
  void anMjpegServerThatGoesAwayEndsTheStreamOffline() throws Exception {
    try (MjpegServer server = MjpegServer.of(SyntheticScene.moving(320, 240), 5);
        Streaming run = Streaming.start(sources.open(mjpeg(server.url(), null, null), 5, 640))) {
      run.nextFrame();

      server.goAway();

      assertThat(run.awaitEnd().kind()).isEqualTo(Kind.OFFLINE);
    }
  }

  @Test
  void snapshotsArriveAtTheIntervalScaled() throws Exception {
    try (SnapshotServer server = SnapshotServer.of(SyntheticScene.moving(800, 600));
        Streaming run = Streaming.start(sources.open(snapshot(server.url(), null, null), 1, 400))) {
      Frame first = run.nextFrame();
      Frame second = run.nextFrame();

      assertThat(first.image().getWidth()).isEqualTo(400);
      assertThat(first.image().getHeight()).isEqualTo(300);
      assertThat(second.capturedAt()).isAfter(first.capturedAt());
      assertThat(run.infos).containsExactly(new StreamInfo(800, 600, 5.0, "jpeg"));
    }
  }

  @Test
  void snapshotsTakeBasicCredentialsAndWrongOnesAreUnauthorized() throws Exception {
    try (SnapshotServer server =
            SnapshotServer.of(SyntheticScene.still(320, 240)).withBasicAuth("cam", "pässword");
        Streaming right =
            Streaming.start(sources.open(snapshot(server.url(), "cam", "pässword"), 1, 640));
        Streaming wrong =
            Streaming.start(sources.open(snapshot(server.url(), "cam", "x"), 1, 640));
        Streaming none =
            Streaming.start(sources.open(snapshot(server.url(), null, null), 1, 640))) {
      assertThat(right.nextFrame().image().getWidth()).isEqualTo(320);
      assertThat(wrong.awaitEnd())
          .extracting(SourceFailure::kind, SourceFailure::getMessage)
          .containsExactly(Kind.ERROR, "401 Unauthorized");
      assertThat(none.awaitEnd().getMessage()).isEqualTo("401 Unauthorized");
    }
  }

  @Test
  void aWrongSnapshotPathIsNotFound() throws Exception {
    try (SnapshotServer server = SnapshotServer.of(SyntheticScene.still(320, 240));
        Streaming run =
            Streaming.start(
                sources.open(snapshot(server.url().replace(".jpg", ".png"), null, null), 1, 640))) {
      assertThat(run.awaitEnd())
          .extracting(SourceFailure::kind, SourceFailure::getMessage)
          .containsExactly(Kind.ERROR, "404 Not Found");
    }
  }

  @Test
  void aSnapshotServerThatGoesAwayIsOfflineAndComesBack() throws Exception {
    try (SnapshotServer server = SnapshotServer.of(SyntheticScene.still(320, 240))) {
      try (Streaming run =
          Streaming.start(sources.open(snapshot(server.url(), null, null), 1, 640))) {
        run.nextFrame();
        server.goAway();
        assertThat(run.awaitEnd())
            .extracting(SourceFailure::kind, SourceFailure::getMessage)
            .containsExactly(Kind.OFFLINE, "connection refused");
      }

      server.comeBack();

      try (Streaming again =
          Streaming.start(sources.open(snapshot(server.url(), null, null), 1, 640))) {
        assertThat(again.nextFrame().image().getWidth()).isEqualTo(320);
      }
    }
  }

  @Test
  void aBodyThatIsNoImageIsAnError() throws Exception {
    try (SnapshotServer server =
            SnapshotServer.scripted(
                List.of("<html>login</html>".getBytes(StandardCharsets.UTF_8)), "text/html");
        Streaming run = Streaming.start(sources.open(snapshot(server.url(), null, null), 1, 640))) {
      assertThat(run.awaitEnd())
          .extracting(SourceFailure::kind, SourceFailure::getMessage)
          .containsExactly(Kind.ERROR, "not a JPEG/PNG image");
    }
  }

  @Test
  void closeStopsSnapshotsBetweenFetches() throws Exception {
    byte[] jpeg = Jpegs.encode(SyntheticScene.still(320, 240).frameAt(Duration.ZERO), 0.8f, 320);
    try (SnapshotServer server = SnapshotServer.scripted(List.of(jpeg), "image/jpeg")) {
      Streaming run =
          Streaming.start(
              sources.open(
                  new SourceSpec("snapshot", server.url(), null, null, null, Duration.ofHours(1)),
                  1,
                  640));
      run.nextFrame();

      run.close();

      assertThat(run.awaitEnd()).isNull();
      assertThat(server.requests()).isEqualTo(1);
    }
  }
}
