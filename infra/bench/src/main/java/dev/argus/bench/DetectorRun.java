package dev.argus.bench;

import dev.argus.camera.detect.Detection;
import dev.argus.camera.detect.DetectorException;
import dev.argus.camera.detect.NodeDetector;
import dev.argus.camera.image.Jpegs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The collector's CPU object detector ({@code infra/detector}: CenterNet COCO on the tfjs wasm
 * backend, one thread) on frames as the collector sends them: the car-park footage scaled to 640 px
 * and encoded as JPEG at quality 0.8, one frame at a time through the production {@link
 * NodeDetector}. Measured: the round trip per frame (what a reading waits), the sidecar's own time
 * for the same frames (decode + inference, without the pipe), and the sidecar's CPU. The reference
 * of the CPU figures, measured in the same run: ffmpeg decoding the same footage to 640 px BGR
 * frames (frames per CPU-second), the work every camera already costs.
 */
final class DetectorRun {

  static final int WIDTH = 640;
  static final float QUALITY = 0.8f;
  private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s");

  /**
   * @param frames frames measured
   * @param roundTrip ms per frame, detect() called to answer parsed
   * @param inSidecar ms per frame inside the sidecar
   * @param detectorCpu CPU seconds of the sidecar over the measured frames
   * @param jvmCpu CPU seconds of this JVM over the same frames (base64, JSON, pipe)
   * @param wallSeconds the measured frames' wall time
   * @param framesWithPeople frames with a person of score >= 0.5 (a sanity check)
   * @param rssKib the sidecar's resident memory after the run
   * @param ffmpegFrames frames ffmpeg decoded for the reference
   * @param ffmpegCpu its CPU seconds
   * @param ready the sidecar's ready line
   */
  record Outcome(
      int frames,
      Percentiles roundTrip,
      Percentiles inSidecar,
      double detectorCpu,
      double jvmCpu,
      double wallSeconds,
      int framesWithPeople,
      long rssKib,
      long ffmpegFrames,
      double ffmpegCpu,
      Map<String, Object> ready) {

    double framesPerDetectorCpuSecond() {
      return frames / detectorCpu;
    }

    double framesPerTotalCpuSecond() {
      return frames / (detectorCpu + jvmCpu);
    }

    double ffmpegFramesPerCpuSecond() {
      return ffmpegFrames / ffmpegCpu;
    }
  }

  private final Path workDir;
  private final PrintStream out;

  DetectorRun(Path workDir, PrintStream out) {
    this.workDir = workDir;
    this.out = out;
  }

  Outcome run(Path footage, int frameCount, int warmupFrames) throws Exception {
    Files.createDirectories(workDir);
    List<byte[]> jpegs = frames(footage, frameCount + warmupFrames);
    out.printf(
        "[detector] %d frames of %s at %d px, JPEG q%.1f (%d KB on average)%n",
        jpegs.size(),
        footage.getFileName(),
        WIDTH,
        QUALITY,
        jpegs.stream().mapToInt(j -> j.length).sum() / jpegs.size() / 1024);
    long[] reference = ffmpegReference(footage);
    try (NodeDetector detector =
        new NodeDetector(
            NodeDetector.findNode(),
            NodeDetector.defaultDirectory(),
            Duration.ofSeconds(120),
            Duration.ofSeconds(30))) {
      if (!detector.status().usable()) {
        throw new IllegalStateException(
            "the detector cannot run: " + detector.status() + " (infra/bin/install-detector.sh)");
      }
      for (byte[] jpeg : jpegs.subList(0, warmupFrames)) {
        detector.detect(jpeg);
      }
      ProcessHandle node = detector.process().orElseThrow();
      List<byte[]> measured = jpegs.subList(warmupFrames, jpegs.size());
      List<Double> roundTrips = new ArrayList<>();
      List<Double> inSidecar = new ArrayList<>();
      int withPeople = 0;
      double nodeStart = CameraLoad.cpuSeconds(node);
      double jvmStart = CameraLoad.cpuSeconds(ProcessHandle.current());
      long wallStart = System.nanoTime();
      for (byte[] jpeg : measured) {
        long started = System.nanoTime();
        List<Detection> found = detect(detector, jpeg);
        roundTrips.add((System.nanoTime() - started) / 1e6);
        inSidecar.add(detector.lastSidecarMillis());
        if (found.stream().anyMatch(d -> d.label().equals("person") && d.score() >= 0.5)) {
          withPeople++;
        }
      }
      double wall = (System.nanoTime() - wallStart) / 1e9;
      double nodeCpu = CameraLoad.cpuSeconds(node) - nodeStart;
      double jvmCpu = CameraLoad.cpuSeconds(ProcessHandle.current()) - jvmStart;
      return new Outcome(
          measured.size(),
          Percentiles.of(roundTrips),
          Percentiles.of(inSidecar),
          nodeCpu,
          jvmCpu,
          wall,
          withPeople,
          rssKib(node.pid()),
          reference[0],
          reference[1] / 1e6,
          detector.readyLine());
    }
  }

  private static List<Detection> detect(NodeDetector detector, byte[] jpeg) {
    try {
      return detector.detect(jpeg);
    } catch (DetectorException e) {
      throw new IllegalStateException("the detector failed during the run: " + e.getMessage(), e);
    }
  }

  /** {@code count} frames spread over the footage, scaled to 640 px, as the collector's JPEGs. */
  private List<byte[]> frames(Path footage, int count) throws Exception {
    Path dir = Files.createTempDirectory(workDir, "frames");
    // The footage lasts 80 s: one frame a second, the rest from a second pass at an offset.
    run(
        List.of(
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-i",
            footage.toString(),
            "-vf",
            "fps=" + Math.max(1, (count + 79) / 80) + ",scale=" + WIDTH + ":-2",
            "-frames:v",
            Integer.toString(count),
            dir.resolve("f%04d.png").toString()));
    List<byte[]> jpegs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path png : files.sorted().toList()) {
        jpegs.add(Jpegs.encode(ImageIO.read(png.toFile()), QUALITY, WIDTH));
        Files.delete(png);
      }
    }
    Files.delete(dir);
    if (jpegs.size() < count) {
      throw new IllegalStateException("ffmpeg cut " + jpegs.size() + " of " + count + " frames");
    }
    return jpegs;
  }

  /** ffmpeg decoding the whole footage to 640 px BGR: {frames, CPU microseconds}. */
  private long[] ffmpegReference(Path footage) throws Exception {
    Process ffmpeg =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-benchmark",
                "-hide_banner",
                "-nostats",
                "-i",
                footage.toString(),
                "-an",
                "-vf",
                "scale=" + WIDTH + ":-2",
                "-pix_fmt",
                "bgr24",
                "-f",
                "rawvideo",
                "pipe:1")
            .redirectError(workDir.resolve("reference-ffmpeg.log").toFile())
            .start();
    long bytes = 0;
    try (InputStream stdout = ffmpeg.getInputStream()) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = stdout.read(buffer)) > 0) {
        bytes += n;
      }
    }
    if (ffmpeg.waitFor() != 0) {
      throw new IllegalStateException("reference ffmpeg failed; see reference-ffmpeg.log");
    }
    String log = Files.readString(workDir.resolve("reference-ffmpeg.log"), StandardCharsets.UTF_8);
    Matcher m = BENCH.matcher(log);
    if (!m.find()) {
      throw new IllegalStateException("ffmpeg -benchmark printed no utime/stime: " + log);
    }
    double cpu = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
    // 384x288 footage scaled to 640 wide keeps 4:3: 640x480 BGR frames.
    long frames = bytes / (WIDTH * 480L * 3);
    return new long[] {frames, Math.round(cpu * 1e6)};
  }

  private static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private void run(List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("frames-ffmpeg.log").toFile())
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command.getFirst() + " failed; see frames-ffmpeg.log");
    }
  }
}
