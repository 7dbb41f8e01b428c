package dev.argus.camera.ffmpeg;

import dev.argus.camera.image.Jpegs;
import dev.argus.camera.source.ConnectionResult;
import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.source.StreamInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

/**
 * The connection test for ffmpeg cameras: one run that probes little ({@code -analyzeduration
 * 500000 -probesize 100000}: 1.5 s to a first frame here, ~6 s without) and writes a single small
 * PNG; the stream's size, rate and codec come from stderr. A run that outlives the limit is killed.
 */
final class FfmpegProbe {

  static final int THUMBNAIL_WIDTH = 160;
  private static final int MAX_PNG_BYTES = 4 << 20;
  private static final Duration MARGIN = Duration.ofMillis(500);

  private final Ffmpeg ffmpeg;

  FfmpegProbe(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  ConnectionResult test(SourceSpec spec, Duration within) {
    long start = System.nanoTime();
    // Leave time to kill the run and answer inside the caller's limit.
    Duration margin = within.dividedBy(10).compareTo(MARGIN) < 0 ? within.dividedBy(10) : MARGIN;
    long deadline = start + within.minus(margin).toNanos();
    // ffmpeg must give up on its own, with its own reason, before the hard limit kills it.
    Duration socketTimeout =
        within.dividedBy(2).compareTo(ffmpeg.socketTimeout()) < 0
            ? within.dividedBy(2)
            : ffmpeg.socketTimeout();
    FfmpegProcess running = null;
    try {
      FfmpegInput input = FfmpegInput.of(spec, socketTimeout);
      FfmpegLog log = new FfmpegLog(input.redactor());
      List<String> output =
          List.of(
              "-an",
              "-sn",
              "-dn",
              "-frames:v",
              "1",
              "-vf",
              Ffmpeg.scaleFilter(THUMBNAIL_WIDTH),
              "-f",
              "image2pipe",
              "-c:v",
              "png",
              "pipe:1");
      running =
          FfmpegProcess.start(
              ffmpeg.command(
                  input, List.of("-analyzeduration", "500000", "-probesize", "100000"), output),
              log,
              "ffmpeg-test");
      FfmpegProcess reading = running;
      CompletableFuture<byte[]> png =
          CompletableFuture.supplyAsync(() -> readAll(reading.stdout()), Thread.ofVirtual()::start);
      byte[] bytes;
      try {
        bytes = png.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        running.kill();
        SourceFailure reason = FfmpegFailures.explain(log.lastLines(), log.input().isDone(), true);
        return ConnectionResult.failure(reason.getMessage());
      }
      running.awaitExit(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      running.drainStderr(500);
      BufferedImage frame =
          bytes.length == 0 ? null : ImageIO.read(new ByteArrayInputStream(bytes));
      StreamInfo info = log.input().getNow(null);
      if (frame == null || info == null) {
        // ffmpeg's RTSP client reports its own socket timeout as "Invalid data found".
        boolean silent = info == null && System.nanoTime() - start >= socketTimeout.toNanos();
        return ConnectionResult.failure(
            FfmpegFailures.explain(log.lastLines(), info != null, silent).getMessage());
      }
      return new ConnectionResult(
          true,
          "connected",
          info.width() + "x" + info.height(),
          info.fps(),
          info.codec(),
          Jpegs.base64(frame, 0.7f, THUMBNAIL_WIDTH));
    } catch (SourceFailure e) {
      return ConnectionResult.failure(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectionResult.failure("interrupted");
    } catch (ExecutionException | IOException e) {
      return ConnectionResult.failure("could not read the decoder's frame: " + e.getMessage());
    } finally {
      if (running != null) {
        running.kill();
      }
    }
  }

  private static byte[] readAll(InputStream stdout) {
    try {
      return stdout.readNBytes(MAX_PNG_BYTES);
    } catch (IOException killed) {
      return new byte[0];
    }
  }
}
