package dev.argus.camera.source;

import dev.argus.camera.ffmpeg.Ffmpeg;
import dev.argus.camera.snapshot.SnapshotClient;
import dev.argus.camera.snapshot.SnapshotProbe;
import dev.argus.camera.snapshot.SnapshotSource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/** The production implementations: what the collector and the api use. */
public final class CameraSources {

  /** The limit of one snapshot GET while streaming. */
  static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(5);

  private CameraSources() {}

  /** Opens RTSP and MJPEG (and USB) sources through ffmpeg, snapshot sources through ImageIO. */
  public static FrameSourceFactory factory() {
    return Shared.FACTORY;
  }

  /** The connection test of {@code POST /api/v1/cameras/test}. */
  public static CameraTester tester() {
    return Shared.TESTER;
  }

  /** {@link #factory()} with another ffmpeg binary or socket timeout (tests, odd installs). */
  public static FrameSourceFactory factory(Ffmpeg ffmpeg) {
    return factory(ffmpeg, Shared.HTTP);
  }

  /** {@link #tester()} with another ffmpeg binary. */
  public static CameraTester tester(Ffmpeg ffmpeg) {
    return tester(ffmpeg, Shared.HTTP);
  }

  private static FrameSourceFactory factory(Ffmpeg ffmpeg, HttpClient http) {
    SnapshotClient snapshots = new SnapshotClient(http, SNAPSHOT_TIMEOUT);
    return (spec, analysisFps, maxWidth) ->
        switch (type(spec)) {
          case "rtsp", "mjpeg", "usb" -> ffmpeg.open(spec, analysisFps, maxWidth);
          case "snapshot" -> {
            if (maxWidth < 16) {
              throw new IllegalArgumentException("maxWidth must be at least 16, got " + maxWidth);
            }
            yield new SnapshotSource(snapshots, spec, maxWidth, ffmpeg.clock());
          }
          default ->
              throw new IllegalArgumentException(
                  "camera type must be rtsp, mjpeg, snapshot or usb, got " + spec.type());
        };
  }

  private static CameraTester tester(Ffmpeg ffmpeg, HttpClient http) {
    SnapshotProbe snapshots = new SnapshotProbe(http);
    return (spec, within) ->
        switch (type(spec)) {
          case "rtsp", "mjpeg", "usb" -> ffmpeg.test(spec, within);
          case "snapshot" -> snapshots.test(spec, within);
          default ->
              ConnectionResult.failure(
                  "camera type must be rtsp, mjpeg, snapshot or usb, got " + spec.type());
        };
  }

  private static String type(SourceSpec spec) {
    return spec.type() == null ? "" : spec.type().toLowerCase(Locale.ROOT);
  }

  /** Built on first use: one HTTP client (and its selector thread) for every snapshot camera. */
  private static final class Shared {
    static final HttpClient HTTP = SnapshotClient.defaultHttpClient(SNAPSHOT_TIMEOUT);
    static final Ffmpeg FFMPEG = Ffmpeg.fromEnvironment();
    static final FrameSourceFactory FACTORY = factory(FFMPEG, HTTP);
    static final CameraTester TESTER = tester(FFMPEG, HTTP);
  }
}
