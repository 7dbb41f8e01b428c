package dev.argus.camera.ffmpeg;

import dev.argus.camera.source.StreamInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ffmpeg writes on stderr, read line by line on the pump thread: the input's video stream
 * (codec, size, nominal rate), the size of the frames it writes on stdout, and the last lines, from
 * which {@link FfmpegFailures} tells why it stopped. Lines are redacted before they are kept.
 */
final class FfmpegLog {

  private static final int KEPT_LINES = 40;

  private static final Pattern VIDEO_STREAM =
      Pattern.compile("^\\s*Stream #\\d+:\\d+\\S*: Video: (\\w+)(.*)$");
  private static final Pattern SIZE = Pattern.compile("[ ,](\\d{1,5})x(\\d{1,5})(?=[ ,\\[]|$)");
  private static final Pattern FPS = Pattern.compile("([\\d.]+)(k?) fps");

  private final UnaryOperator<String> redactor;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final CompletableFuture<StreamInfo> input = new CompletableFuture<>();
  private final CompletableFuture<int[]> output = new CompletableFuture<>();
  private Section section = Section.NONE;

  private enum Section {
    NONE,
    INPUT,
    OUTPUT
  }

  FfmpegLog(UnaryOperator<String> redactor) {
    this.redactor = redactor;
  }

  synchronized void accept(String rawLine) {
    String line = redactor.apply(rawLine.stripTrailing());
    if (line.isBlank()) {
      return;
    }
    if (lines.size() == KEPT_LINES) {
      lines.removeFirst();
    }
    lines.addLast(line);
    if (line.startsWith("Input #")) {
      section = Section.INPUT;
    } else if (line.startsWith("Output #")) {
      section = Section.OUTPUT;
    } else if (line.startsWith("Stream mapping")) {
      section = Section.NONE;
    }
    Matcher stream = VIDEO_STREAM.matcher(line);
    if (!stream.matches()) {
      return;
    }
    Matcher size = SIZE.matcher(stream.group(2));
    if (!size.find()) {
      return;
    }
    int width = Integer.parseInt(size.group(1));
    int height = Integer.parseInt(size.group(2));
    if (section == Section.INPUT && !input.isDone()) {
      input.complete(new StreamInfo(width, height, rate(stream.group(2)), stream.group(1)));
    } else if (section == Section.OUTPUT && !output.isDone()) {
      output.complete(new int[] {width, height});
    }
  }

  /** Completes once the input's video stream is described. */
  CompletableFuture<StreamInfo> input() {
    return input;
  }

  /** Completes with {width, height} of the frames on stdout once the output is described. */
  CompletableFuture<int[]> output() {
    return output;
  }

  synchronized List<String> lastLines() {
    return new ArrayList<>(lines);
  }

  /**
   * The nominal rate when the stream states one ({@code fps}); null otherwise. {@code tbr} is not
   * used: without a stated rate ffmpeg prints its default guess there (25 for every MJPEG stream).
   */
  static Double rate(String streamDetails) {
    Matcher m = FPS.matcher(streamDetails);
    if (!m.find()) {
      return null;
    }
    double value = Double.parseDouble(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1000);
    return value > 0 && value < 1000 ? value : null;
  }
}
