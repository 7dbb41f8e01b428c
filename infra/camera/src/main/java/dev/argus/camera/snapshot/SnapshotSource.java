package dev.argus.camera.snapshot;

import dev.argus.camera.image.Images;
import dev.argus.camera.snapshot.SnapshotClient.Snapshot;
import dev.argus.camera.source.Frame;
import dev.argus.camera.source.FrameListener;
import dev.argus.camera.source.FrameSource;
import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.source.StreamInfo;
import dev.argus.camera.url.CameraUrl;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A camera that serves one picture per request, fetched every {@code snapshotInterval}. The first
 * failed fetch ends the stream with its reason (the worker reconnects with backoff), as a dead
 * decoder does for an ffmpeg source.
 */
public final class SnapshotSource implements FrameSource {

  /** When a spec names no interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  private final SnapshotClient client;
  private final SourceSpec spec;
  private final int maxWidth;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile CompletableFuture<HttpResponse<InputStream>> inFlight;

  public SnapshotSource(SnapshotClient client, SourceSpec spec, int maxWidth, Clock clock) {
    this.client = client;
    this.spec = spec;
    this.maxWidth = maxWidth;
    this.clock = clock;
  }

  @Override
  public void stream(FrameListener listener) throws SourceFailure {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a frame source streams once; open a new one to reconnect");
    }
    Duration interval = interval(spec);
    CameraUrl url = SnapshotClient.url(spec);
    boolean described = false;
    try {
      while (!isClosed()) {
        long began = System.nanoTime();
        CompletableFuture<HttpResponse<InputStream>> exchange = client.send(url);
        inFlight = exchange;
        if (isClosed()) {
          exchange.cancel(true);
          return;
        }
        Snapshot snapshot;
        try {
          snapshot = client.receive(exchange);
        } catch (SourceFailure e) {
          if (isClosed()) {
            return;
          }
          throw e;
        }
        if (!described) {
          listener.onStreamInfo(
              new StreamInfo(
                  snapshot.image().getWidth(),
                  snapshot.image().getHeight(),
                  1e9 / interval.toNanos(),
                  snapshot.format()));
          described = true;
        }
        listener.onFrame(new Frame(clock.instant(), Images.fitWidth(snapshot.image(), maxWidth)));
        long rest = interval.toNanos() - (System.nanoTime() - began);
        if (rest > 0 && closed.await(rest, TimeUnit.NANOSECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceFailure(Kind.OFFLINE, "interrupted", e);
    }
  }

  static Duration interval(SourceSpec spec) {
    Duration interval = spec.snapshotInterval();
    return interval == null || interval.isZero() || interval.isNegative()
        ? DEFAULT_INTERVAL
        : interval;
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  @Override
  public void close() {
    closed.countDown();
    CompletableFuture<HttpResponse<InputStream>> exchange = inFlight;
    if (exchange != null) {
      exchange.cancel(true);
    }
  }
}
