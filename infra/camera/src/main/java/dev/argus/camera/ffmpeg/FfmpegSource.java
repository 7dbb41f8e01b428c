package dev.argus.camera.ffmpeg;

import dev.argus.camera.source.Frame;
import dev.argus.camera.source.FrameListener;
import dev.argus.camera.source.FrameSource;
import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.source.StreamInfo;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A camera read by one ffmpeg child that decodes to raw {@code bgr24} frames on stdout, at the
 * analysis rate and width. BGR rather than RGB because it is the byte order of {@link
 * BufferedImage#TYPE_3BYTE_BGR}: ffmpeg's bytes become the image's raster without a copy.
 *
 * <p>A watchdog kills a decoder that delivers nothing for a while (a camera that accepts the
 * connection and then says nothing), so {@link #stream} never hangs: it returns after {@link
 * #close}, or throws the reason ffmpeg's stderr gives.
 */
final class FfmpegSource implements FrameSource {

  /**
   * Probe 1 s / 1 MB of the stream before decoding rather than ffmpeg's 5 s: the first frame comes
   * in ~2 s instead of ~6 s. An RTSP camera states its codec in the SDP, so a second is plenty.
   */
  private static final List<String> PROBE =
      List.of("-analyzeduration", "1000000", "-probesize", "1000000");

  private final Ffmpeg ffmpeg;
  private final SourceSpec spec;
  private final double fps;
  private final int maxWidth;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean stalled;
  private volatile FfmpegProcess process;
  private volatile long lastProgressNanos;

  FfmpegSource(Ffmpeg ffmpeg, SourceSpec spec, double fps, int maxWidth) {
    this.ffmpeg = ffmpeg;
    this.spec = spec;
    this.fps = fps;
    this.maxWidth = maxWidth;
  }

  @Override
  public void stream(FrameListener listener) throws SourceFailure {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a frame source streams once; open a new one to reconnect");
    }
    if (closed) {
      return;
    }
    FfmpegInput input = FfmpegInput.of(spec, ffmpeg.socketTimeout());
    List<String> output =
        List.of(
            "-an",
            "-sn",
            "-dn",
            "-vf",
            "fps=" + String.format(Locale.ROOT, "%.3f", fps) + "," + Ffmpeg.scaleFilter(maxWidth),
            "-pix_fmt",
            "bgr24",
            "-f",
            "rawvideo",
            "pipe:1");
    FfmpegLog log = new FfmpegLog(input.redactor());
    FfmpegProcess running =
        FfmpegProcess.start(ffmpeg.command(input, PROBE, output), log, "ffmpeg-" + spec.type());
    process = running;
    long startedNanos = System.nanoTime();
    lastProgressNanos = startedNanos;
    Thread watchdog =
        Thread.ofPlatform().daemon().name("ffmpeg-watchdog").start(() -> watch(running));
    try {
      if (closed) {
        return;
      }
      read(running, listener);
      if (closed) {
        return;
      }
      int exit = running.awaitExit(2000);
      running.drainStderr(1000);
      if (closed) {
        return;
      }
      // ffmpeg's RTSP client reports its own socket timeout as "Invalid data found".
      boolean silent =
          !log.input().isDone()
              && System.nanoTime() - startedNanos >= ffmpeg.socketTimeout().toNanos();
      SourceFailure failure =
          FfmpegFailures.explain(log.lastLines(), log.input().isDone(), stalled || silent);
      // A decoder killed by a signal (a crash, the OOM killer) ends without a word on stderr.
      if (exit > 128 && !stalled && failure.getMessage().equals("stream ended")) {
        throw new SourceFailure(Kind.OFFLINE, "decoder died (signal " + (exit - 128) + ")");
      }
      throw failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceFailure(Kind.OFFLINE, "interrupted", e);
    } finally {
      watchdog.interrupt();
      running.kill();
    }
  }

  private void read(FfmpegProcess running, FrameListener listener) throws InterruptedException {
    int[] size = awaitOutputSize(running);
    if (size == null) {
      return;
    }
    StreamInfo info = running.log().input().getNow(new StreamInfo(size[0], size[1], null, null));
    listener.onStreamInfo(info);
    InputStream stdout = running.stdout();
    int frameBytes = size[0] * size[1] * 3;
    try {
      while (!closed) {
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (stdout.readNBytes(raster, 0, frameBytes) < frameBytes) {
          return;
        }
        lastProgressNanos = System.nanoTime();
        listener.onFrame(new Frame(ffmpeg.clock().instant(), image));
      }
    } catch (IOException closedUnderUs) {
      // close() killed the process, or it died: the caller tells which from stderr.
    }
  }

  /** {width, height} of the frames on stdout, or null when ffmpeg ended (or was closed) first. */
  private int[] awaitOutputSize(FfmpegProcess running) throws InterruptedException {
    while (!closed && running.isAlive()) {
      try {
        return running.log().output().get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        // Poll again: ffmpeg is still connecting.
      } catch (ExecutionException e) {
        throw new IllegalStateException("the log never fails its futures", e);
      }
    }
    // It may have described its output just before ending.
    return running.log().output().getNow(null);
  }

  /**
   * Kills a decoder that has written no frame for the socket timeout plus ten frame intervals (and
   * at least 10 s): ffmpeg's own socket timeout covers silent connections, this covers a stream
   * that keeps the socket busy without producing a picture.
   */
  private void watch(FfmpegProcess running) {
    long limitNanos =
        Math.max(
            Duration.ofSeconds(10).toNanos(),
            ffmpeg.socketTimeout().toNanos() + (long) (10 / fps * 1e9));
    try {
      while (running.isAlive() && !closed) {
        Thread.sleep(500);
        if (System.nanoTime() - lastProgressNanos > limitNanos) {
          stalled = true;
          running.kill();
          return;
        }
      }
    } catch (InterruptedException done) {
      // The stream ended; nothing to watch.
    }
  }

  @Override
  public void close() {
    closed = true;
    FfmpegProcess running = process;
    if (running != null) {
      running.kill();
    }
  }
}
