package dev.argus.camera.snapshot;

import dev.argus.camera.image.Jpegs;
import dev.argus.camera.snapshot.SnapshotClient.Snapshot;
import dev.argus.camera.source.ConnectionResult;
import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceSpec;
import java.net.http.HttpClient;
import java.time.Duration;

/** The connection test of a snapshot camera: one GET within the limit. */
public final class SnapshotProbe {

  static final int THUMBNAIL_WIDTH = 160;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;

  public SnapshotProbe(HttpClient http) {
    this.http = http;
  }

  public ConnectionResult test(SourceSpec spec, Duration within) {
    try {
      // A camera gets at most 5 s (half the limit when that is shorter), so the answer beats the
      // limit.
      Duration timeout = within.dividedBy(2).compareTo(TIMEOUT) < 0 ? within.dividedBy(2) : TIMEOUT;
      Snapshot snapshot = new SnapshotClient(http, timeout).fetch(SnapshotClient.url(spec));
      return new ConnectionResult(
          true,
          "connected",
          snapshot.image().getWidth() + "x" + snapshot.image().getHeight(),
          // The rate the camera will be read at: one picture per interval.
          1e9 / SnapshotSource.interval(spec).toNanos(),
          snapshot.format(),
          Jpegs.base64(snapshot.image(), 0.7f, THUMBNAIL_WIDTH));
    } catch (SourceFailure e) {
      return ConnectionResult.failure(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectionResult.failure("interrupted");
    }
  }
}
