package dev.argus.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The camera scenario's RTSP camera: {@code camera_stream.py} (GStreamer's RTSP server, run by the
 * system python that has {@code gi}, as {@code infra/camera}'s {@code RtspCamera} fixture does)
 * serving a moving ball as H.264 on 127.0.0.1. Its stdin stays open: the script ends when this JVM
 * does.
 */
final class RtspBall implements AutoCloseable {

  private final Process process;
  private final Path script;
  private final String url;

  private RtspBall(Process process, Path script, String url) {
    this.process = process;
    this.script = script;
    this.url = url;
  }

  /**
   * @throws IllegalStateException saying what to install when GStreamer or python3-gi is missing
   */
  static RtspBall start(int width, int height, int fps) throws Exception {
    Path script = Files.createTempFile("argus-bench-camera", ".py");
    try (InputStream in = RtspBall.class.getResourceAsStream("camera_stream.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Process process =
        new ProcessBuilder(
                "/usr/bin/python3",
                script.toString(),
                Integer.toString(width),
                Integer.toString(height),
                Integer.toString(fps))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String ready =
        CompletableFuture.supplyAsync(() -> firstLine(process.getInputStream()))
            .completeOnTimeout("no READY line within 20 s", 20, TimeUnit.SECONDS)
            .get();
    if (ready == null || !ready.startsWith("READY ")) {
      process.destroyForcibly();
      Files.deleteIfExists(script);
      throw new IllegalStateException(
          "The RTSP camera did not start ("
              + ready
              + "); infra/bin/install-test-deps.sh installs GStreamer and python3-gi");
    }
    return new RtspBall(
        process, script, "rtsp://127.0.0.1:" + ready.substring("READY ".length()) + "/ball");
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(script);
  }

  private static String firstLine(InputStream out) {
    try {
      return new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
