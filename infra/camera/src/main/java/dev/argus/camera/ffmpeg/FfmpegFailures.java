package dev.argus.camera.ffmpeg;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns ffmpeg's last stderr lines into the reason an operator reads: the camera's own answer
 * ({@code 401 Unauthorized}, {@code 404 Not Found}) is an ERROR, not reaching it ({@code connection
 * refused}, {@code timeout}, {@code stream ended}) is OFFLINE.
 */
final class FfmpegFailures {

  private static final Pattern SERVER_STATUS =
      Pattern.compile(
          "(?:Server returned|method \\w+ failed:) (\\d{3}|\\dXX) ?([A-Za-z][A-Za-z ]*)?");

  private FfmpegFailures() {}

  /**
   * @param sawStream whether the input's stream was described (it answered with video)
   * @param timedOut whether the process ran into a time limit (its own socket timeout or ours)
   */
  static SourceFailure explain(List<String> lastLines, boolean sawStream, boolean timedOut) {
    for (int i = lastLines.size() - 1; i >= 0; i--) {
      SourceFailure known = known(lastLines.get(i));
      if (known != null) {
        return known;
      }
    }
    if (timedOut) {
      return new SourceFailure(Kind.OFFLINE, "timeout");
    }
    if (sawStream) {
      return new SourceFailure(Kind.OFFLINE, "stream ended");
    }
    String last = lastLines.isEmpty() ? "" : lastLines.getLast();
    for (String line : lastLines.reversed()) {
      if (line.contains("Invalid data found")) {
        return new SourceFailure(
            Kind.ERROR, "not a video stream (the decoder found no video in its answer)");
      }
    }
    return new SourceFailure(
        Kind.OFFLINE, last.isEmpty() ? "stream ended" : "stream ended: " + lastPart(last));
  }

  /** The reason a single line states, or null. */
  static SourceFailure known(String line) {
    Matcher status = SERVER_STATUS.matcher(line);
    if (status.find()) {
      String code = status.group(1);
      String phrase = status.group(2) == null ? "" : status.group(2).strip();
      String text = phrase.isEmpty() ? code : code + " " + phrase;
      return new SourceFailure(Kind.ERROR, canonical(code, text));
    }
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.contains("connection refused")) {
      return new SourceFailure(Kind.OFFLINE, "connection refused");
    }
    // Not any "timeout": ffmpeg's "UDP timeout, retrying with TCP" is news, not a failure.
    if (lower.contains("timed out")) {
      return new SourceFailure(Kind.OFFLINE, "timeout");
    }
    if (lower.contains("no route to host") || lower.contains("network is unreachable")) {
      return new SourceFailure(Kind.OFFLINE, "no route to host");
    }
    if (lower.contains("failed to resolve hostname")
        || lower.contains("name or service not known")) {
      return new SourceFailure(Kind.OFFLINE, "unknown host");
    }
    if (lower.contains("connection reset")) {
      return new SourceFailure(Kind.OFFLINE, "connection reset");
    }
    return null;
  }

  private static String canonical(String code, String text) {
    return switch (code) {
      case "401" -> "401 Unauthorized";
      case "403" -> "403 Forbidden";
      case "404" -> "404 Not Found";
      case "4XX" -> "4xx Client Error";
      case "5XX" -> "5xx Server Error";
      default -> text;
    };
  }

  /** ffmpeg prefixes the URL; what follows its last {@code ": "} is the message. */
  private static String lastPart(String line) {
    int colon = line.lastIndexOf(": ");
    return colon < 0 ? line : line.substring(colon + 2);
  }
}
