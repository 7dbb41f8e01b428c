package dev.argus.collector.protect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Frames cut from a clip export with ffmpeg (a child process, as every decoder in Argus: a crash
 * takes the child and not the collector). The clip is written to a temporary directory, ffmpeg
 * decodes it at {@link #DECODE_FPS} frames a second, at most the frame width, into JPEG files, and
 * {@link #cut} picks the requested number spread evenly over them. The directory is removed after.
 */
final class ClipFrames {

  /** Enough decoded frames to spread the most a reading takes (10) over a 3 s clip. */
  static final int DECODE_FPS = 10;

  /** A 3 s clip decodes in well under a second; this only bounds a stuck ffmpeg. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String ffmpeg;
  private final Duration timeout;
  private final int maxWidth;

  /**
   * @param ffmpeg the binary ({@code ARGUS_FFMPEG}, else {@code ffmpeg} on the PATH)
   * @param timeout how long one clip may take to decode before ffmpeg is killed
   */
  ClipFrames(String ffmpeg, Duration timeout, int maxWidth) {
    this.ffmpeg = ffmpeg;
    this.timeout = timeout;
    this.maxWidth = maxWidth;
  }

  /** A decoded frame and how far into the clip it is. */
  record ClipFrame(Duration offset, BufferedImage image) {}

  /**
   * @return at most {@code count} frames in clip order; fewer when the clip is shorter
   * @throws IOException when ffmpeg is missing, fails, takes too long or decodes nothing
   */
  List<ClipFrame> cut(byte[] mp4, int count) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("argus-protect-clip");
    try {
      Path clip = Files.write(dir.resolve("clip.mp4"), mp4);
      Path log = dir.resolve("ffmpeg.log");
      decode(clip, dir, log);
      List<Path> decoded;
      try (Stream<Path> files = Files.list(dir)) {
        decoded =
            files
                .filter(file -> file.getFileName().toString().startsWith("frame-"))
                .sorted(Comparator.comparing(Path::toString))
                .toList();
      }
      if (decoded.isEmpty()) {
        throw new IOException("ffmpeg decoded no frame of the clip (" + lastLine(log) + ")");
      }
      List<ClipFrame> frames = new ArrayList<>();
      for (int index : spread(decoded.size(), count)) {
        BufferedImage image = ImageIO.read(decoded.get(index).toFile());
        if (image != null) {
          frames.add(new ClipFrame(Duration.ofMillis(index * 1000L / DECODE_FPS), image));
        }
      }
      return frames;
    } finally {
      deleteAll(dir);
    }
  }

  private void decode(Path clip, Path dir, Path log) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            ffmpeg,
            "-nostdin",
            "-hide_banner",
            "-loglevel",
            "error",
            "-i",
            clip.toString(),
            "-vf",
            "fps=" + DECODE_FPS + ",scale='trunc(min(iw," + maxWidth + ")/2)*2':-2",
            "-q:v",
            "3",
            dir.resolve("frame-%04d.jpg").toString());
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IOException(
          "ffmpeg is not installed (could not run "
              + ffmpeg
              + "; install ffmpeg or set ARGUS_FFMPEG)",
          e);
    }
    // ffmpeg runs with -nostdin; closing stdin keeps it from ever waiting on us.
    process.getOutputStream().close();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("ffmpeg took longer than " + timeout + " to cut the clip");
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "ffmpeg could not read the clip (exit "
              + process.exitValue()
              + ": "
              + lastLine(log)
              + ")");
    }
  }

  /** {@code count} indexes of {@code size} items, spread evenly, first and last included. */
  static List<Integer> spread(int size, int count) {
    if (count >= size) {
      return IntStream.range(0, size).boxed().toList();
    }
    if (count <= 1) {
      return List.of(0);
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      indexes.add((int) Math.round(i * (size - 1) / (double) (count - 1)));
    }
    return indexes;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines =
          Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
      return lines.isEmpty() ? "no message" : lines.getLast().strip();
    } catch (IOException e) {
      return "no message";
    }
  }

  private static void deleteAll(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(ClipFrames::deleteQuietly);
    } catch (IOException ignored) {
      // A temporary directory left behind is removed with the others of the system.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // As above.
    }
  }
}
