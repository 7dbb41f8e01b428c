package dev.argus.camera.ffmpeg;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ffmpeg child: started with its stderr pumped into a {@link FfmpegLog} on a daemon thread,
 * stdout left to the caller, and killed with whatever it started. A decoder that crashes takes only
 * this child with it.
 */
final class FfmpegProcess {

  private final Process process;
  private final FfmpegLog log;
  private final Thread stderrPump;

  private FfmpegProcess(Process process, FfmpegLog log, String name) {
    this.process = process;
    this.log = log;
    this.stderrPump = Thread.ofPlatform().daemon().name(name + "-stderr").unstarted(this::pump);
    stderrPump.start();
  }

  /**
   * @throws SourceFailure ERROR {@code ffmpeg is not installed} when the binary cannot be started
   */
  static FfmpegProcess start(List<String> command, FfmpegLog log, String name)
      throws SourceFailure {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new SourceFailure(
          Kind.ERROR,
          "ffmpeg is not installed (could not run "
              + command.getFirst()
              + "; install ffmpeg or set ARGUS_FFMPEG)",
          e);
    }
    try {
      // ffmpeg runs with -nostdin; closing stdin keeps it from ever waiting on us.
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Nothing was written; a failed close changes nothing for ffmpeg.
    }
    return new FfmpegProcess(process, log, name);
  }

  InputStream stdout() {
    return process.getInputStream();
  }

  FfmpegLog log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the exit, at most {@code millis}; the exit code or -1 when it still runs. */
  int awaitExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** Kills ffmpeg and its descendants, then waits briefly for stderr to drain. Idempotent. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(2, TimeUnit.SECONDS);
      stderrPump.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Joins the stderr pump, so the log holds ffmpeg's last words. */
  void drainStderr(long millis) throws InterruptedException {
    stderrPump.join(millis);
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.accept(line);
      }
    } catch (IOException closed) {
      // The process was killed; its last lines are what was read.
    }
  }
}
