package dev.argus.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The collector's CPU per camera: {@code N} real camera workers in a JVM of their own ({@link
 * CameraLoad}) analysing a 640x360 H.264 RTSP stream at 5 fps ({@link RtspBall}), and beside them
 * the reference measured in the same run: ffmpeg alone decoding the same stream with the same
 * arguments as a worker's ffmpeg (fps and scale filters, BGR output) into {@code /dev/null}.
 */
final class CameraCpuRun {

  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  static final int FPS = 5;

  /**
   * One measured window.
   *
   * @param cameras cameras (workers, or plain ffmpeg decoders for the reference)
   * @param seconds the window's length
   * @param jvmCpu CPU seconds of the workers' JVM over the window (0 for the reference)
   * @param ffmpegCpu CPU seconds of the ffmpeg processes over the window
   * @param analysed frames the workers analysed for motion over the window
   * @param received frames that reached the workers over the window
   * @param dropped frames the workers' buffers dropped over the window
   */
  record Window(
      int cameras,
      double seconds,
      double jvmCpu,
      double ffmpegCpu,
      long analysed,
      long received,
      long dropped) {

    /** The window of {@link CameraLoad}'s {@code RESULT key=value ...} line. */
    static Window parse(int cameras, String resultLine) {
      Map<String, String> values = new HashMap<>();
      for (String pair : resultLine.substring("RESULT ".length()).strip().split(" ")) {
        String[] kv = pair.split("=", 2);
        values.put(kv[0], kv[1]);
      }
      return new Window(
          cameras,
          Double.parseDouble(values.get("seconds")),
          Double.parseDouble(values.get("jvm_cpu")),
          Double.parseDouble(values.get("ffmpeg_cpu")),
          Long.parseLong(values.get("analysed")),
          Long.parseLong(values.get("received")),
          Long.parseLong(values.get("dropped")));
    }

    double ffmpegPerCameraSecond() {
      return ffmpegCpu / (cameras * seconds);
    }

    double jvmPerCameraSecond() {
      return jvmCpu / (cameras * seconds);
    }

    double totalPerCameraSecond() {
      return (ffmpegCpu + jvmCpu) / (cameras * seconds);
    }

    double analysedFpsPerCamera() {
      return analysed / (cameras * seconds);
    }
  }

  private final Path logDir;
  private final PrintStream out;

  CameraCpuRun(Path logDir, PrintStream out) {
    this.logDir = logDir;
    this.out = out;
  }

  /**
   * The reference first, then the workers at each count, each over its own window and against a
   * camera of its own: a GStreamer server whose shared media was torn down by the previous window's
   * clients must not decide the next figure.
   */
  List<Window> run(int[] counts, Duration warmup, Duration window) throws Exception {
    Files.createDirectories(logDir);
    List<Window> windows = new ArrayList<>();
    try (RtspBall camera = RtspBall.start(WIDTH, HEIGHT, FPS)) {
      out.printf("[camera] RTSP camera %s (640x360 H.264, 5 fps)%n", camera.url());
      windows.add(plainFfmpeg(camera.url(), warmup, window));
    }
    for (int cameras : counts) {
      try (RtspBall camera = RtspBall.start(WIDTH, HEIGHT, FPS)) {
        windows.add(workers(camera.url(), cameras, warmup, window));
      }
    }
    return windows;
  }

  private Window plainFfmpeg(String url, Duration warmup, Duration window) throws Exception {
    List<String> command =
        List.of(
            "ffmpeg",
            "-nostdin",
            "-hide_banner",
            "-nostats",
            "-loglevel",
            "error",
            "-analyzeduration",
            "1000000",
            "-probesize",
            "1000000",
            "-rtsp_transport",
            "tcp",
            "-i",
            url,
            "-an",
            "-sn",
            "-dn",
            "-vf",
            String.format(
                Locale.ROOT, "fps=%.3f,scale='trunc(min(iw,%d)/2)*2':-2", 1.0 * FPS, WIDTH),
            "-pix_fmt",
            "bgr24",
            "-f",
            "rawvideo",
            "-y",
            "/dev/null");
    Process ffmpeg =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve("reference-ffmpeg.log").toFile())
            .start();
    try {
      Thread.sleep(warmup);
      double start = CameraLoad.cpuSeconds(ffmpeg.toHandle());
      long startNanos = System.nanoTime();
      Thread.sleep(window);
      double cpu = CameraLoad.cpuSeconds(ffmpeg.toHandle()) - start;
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      if (!ffmpeg.isAlive()) {
        throw new IllegalStateException(
            "The reference ffmpeg ended early; see " + logDir.resolve("reference-ffmpeg.log"));
      }
      out.printf(
          Locale.ROOT, "[camera] reference: ffmpeg alone %.3f CPU-s over %.1f s%n", cpu, seconds);
      return new Window(1, seconds, 0, cpu, 0, 0, 0);
    } finally {
      ffmpeg.destroy();
      ffmpeg.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private Window workers(String url, int cameras, Duration warmup, Duration window)
      throws Exception {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    Path log = logDir.resolve("workers-" + cameras + ".log");
    Process child =
        new ProcessBuilder(
                java,
                // As the launcher starts the collector (ServiceStarter).
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                CameraLoad.class.getName(),
                url,
                Integer.toString(FPS),
                Integer.toString(cameras),
                Long.toString(warmup.toSeconds()),
                Long.toString(window.toSeconds()))
            .redirectError(log.toFile())
            .start();
    String result = null;
    try (var lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    } finally {
      if (!child.waitFor(warmup.plus(window).toSeconds() + 60, TimeUnit.SECONDS)) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
      }
    }
    if (result == null) {
      throw new IllegalStateException(
          "The camera workers' JVM reported nothing (exit " + child.exitValue() + "); see " + log);
    }
    Window measured = Window.parse(cameras, result);
    out.printf(
        Locale.ROOT,
        "[camera] %d camera(s): JVM %.3f + ffmpeg %.3f CPU-s over %.1f s; %.2f fps analysed per"
            + " camera, %d dropped, %s ffmpeg process(es)%n",
        cameras,
        measured.jvmCpu(),
        measured.ffmpegCpu(),
        measured.seconds(),
        measured.analysedFpsPerCamera(),
        measured.dropped(),
        result.replaceFirst(".*ffmpeg_processes=(\\d+).*", "$1"));
    return measured;
  }
}
