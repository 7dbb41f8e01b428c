package dev.argus.protect.testing;

import dev.argus.camera.testing.Footage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots and clip exports cut by ffmpeg from real footage ({@link Footage}: people in a car
 * park, 80 s), the moment asked for mapped onto the footage by its milliseconds modulo its length.
 * Without the cached footage (infra/bin/fetch-footage.sh not run) ffmpeg's synthetic {@code
 * testsrc} stands in, so a test of the protocol alone does not need the download; {@link
 * LoopbackProtectController#realFootage} says which.
 */
final class FootageMedia {

  static final long FOOTAGE_MILLIS = 80_000;
  static final long MAX_CLIP_MILLIS = 60_000;

  private final Optional<Path> footage;
  private final Path workDirectory;

  FootageMedia(Path workDirectory) {
    this.footage = Footage.find();
    this.workDirectory = workDirectory;
  }

  boolean real() {
    return footage.isPresent();
  }

  /** One JPEG of the moment {@code atMillis}. */
  byte[] snapshot(long atMillis) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error"));
    command.addAll(List.of("-ss", seconds(Math.floorMod(atMillis, FOOTAGE_MILLIS - 1000))));
    command.addAll(input());
    command.addAll(
        List.of("-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", "-f", "image2", "pipe:1"));
    return run(command, null);
  }

  /** An MP4 from {@code startMillis} to {@code endMillis} (at most 60 s). */
  byte[] clip(long startMillis, long endMillis) throws IOException, InterruptedException {
    long length = Math.min(Math.max(endMillis - startMillis, 1000), MAX_CLIP_MILLIS);
    long offset = Math.floorMod(startMillis, Math.max(1000, FOOTAGE_MILLIS - length));
    Path out = Files.createTempFile(workDirectory, "export-", ".mp4");
    try {
      List<String> command =
          new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
      command.addAll(List.of("-ss", seconds(offset)));
      command.addAll(input());
      command.addAll(List.of("-t", seconds(length), "-an"));
      if (real()) {
        // The footage is H.264 with a keyframe every 2 s: copied, the clip starts at the
        // keyframe before the moment, as a controller's export of a recording does.
        command.addAll(List.of("-c:v", "copy"));
      } else {
        command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
      }
      command.addAll(List.of("-movflags", "+faststart", "-f", "mp4", out.toString()));
      run(command, out);
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private List<String> input() {
    return footage
        .map(path -> List.of("-i", path.toString()))
        .orElseGet(() -> List.of("-f", "lavfi", "-i", "testsrc=size=384x288:rate=10"));
  }

  private static byte[] run(List<String> command, Path out)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(out != null).start();
    byte[] stdout = process.getInputStream().readAllBytes();
    String stderr =
        out == null
            ? new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
            : "";
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("ffmpeg took longer than 60 s");
    }
    if (process.exitValue() != 0) {
      String log = out == null ? stderr : new String(stdout, StandardCharsets.UTF_8);
      throw new IOException("ffmpeg failed (" + process.exitValue() + "): " + log.strip());
    }
    return stdout;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
