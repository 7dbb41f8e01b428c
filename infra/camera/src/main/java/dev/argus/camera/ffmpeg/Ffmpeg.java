package dev.argus.camera.ffmpeg;

import dev.argus.camera.source.ConnectionResult;
import dev.argus.camera.source.FrameSource;
import dev.argus.camera.source.SourceSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ffmpeg binary and how Argus runs it: for RTSP, HTTP MJPEG and V4L2 cameras, as a subprocess
 * that writes raw frames on stdout (CAMERAS.md: no native library in the JVM, a decoder crash kills
 * a child and not the service).
 *
 * @param binary the executable: {@code ARGUS_FFMPEG}, else {@code ffmpeg} on the PATH
 * @param socketTimeout how long a connected camera may stay silent before ffmpeg gives up
 */
public record Ffmpeg(String binary, Duration socketTimeout, Clock clock) {

  /** The variable that names the ffmpeg binary when it is not {@code ffmpeg} on the PATH. */
  public static final String BINARY_VARIABLE = "ARGUS_FFMPEG";

  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(5);

  public Ffmpeg {
    if (binary == null || binary.isBlank()) {
      throw new IllegalArgumentException("the ffmpeg binary must be named");
    }
    if (socketTimeout.isNegative() || socketTimeout.isZero()) {
      throw new IllegalArgumentException("socketTimeout must be positive, got " + socketTimeout);
    }
  }

  public Ffmpeg(String binary) {
    this(binary, DEFAULT_SOCKET_TIMEOUT, Clock.systemUTC());
  }

  /** {@code ARGUS_FFMPEG} when set, else {@code ffmpeg} from the PATH. */
  public static Ffmpeg fromEnvironment() {
    String configured = System.getenv(BINARY_VARIABLE);
    return new Ffmpeg(configured == null || configured.isBlank() ? "ffmpeg" : configured.strip());
  }

  /** A source delivering {@code fps} frames a second, at most {@code maxWidth} wide. */
  public FrameSource open(SourceSpec spec, double fps, int maxWidth) {
    if (!(fps > 0) || fps > 60) {
      throw new IllegalArgumentException("analysis fps must be above 0 and at most 60, got " + fps);
    }
    if (maxWidth < 16) {
      throw new IllegalArgumentException("maxWidth must be at least 16, got " + maxWidth);
    }
    return new FfmpegSource(this, spec, fps, maxWidth);
  }

  /** One run that reads a single frame; see {@link FfmpegProbe}. */
  public ConnectionResult test(SourceSpec spec, Duration within) {
    return new FfmpegProbe(this).test(spec, within);
  }

  /** The command: quiet, never reading stdin, then the input, then {@code output}. */
  List<String> command(FfmpegInput input, List<String> beforeInput, List<String> output) {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "info"));
    command.addAll(beforeInput);
    command.addAll(input.arguments());
    command.addAll(output);
    return command;
  }

  /** ffmpeg's scale filter: at most {@code maxWidth}, aspect kept, both sides even. */
  static String scaleFilter(int maxWidth) {
    return "scale='trunc(min(iw," + maxWidth + ")/2)*2':-2";
  }
}
