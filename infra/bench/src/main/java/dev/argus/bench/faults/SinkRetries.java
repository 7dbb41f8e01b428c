package dev.argus.bench.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sink's retries as its log tells them ({@code TelemetrySink}: "... Offsets not committed;
 * retrying the same N records in PT2S"), per sink thread: whether a database fault made it back off
 * (waits that grow) or spin (many retries at one short wait).
 */
record SinkRetries(Map<String, List<Duration>> waitsByThread, List<String> problems) {

  private static final Pattern RETRY =
      Pattern.compile(
          "\\[([^\\]]*sink[^\\]]*)\\].*?: (.*)\\. Offsets not committed; retrying the same \\d+"
              + " records in (PT\\S+)");

  SinkRetries {
    // In the order the threads first retried, as the log shows them.
    waitsByThread = Collections.unmodifiableMap(new LinkedHashMap<>(waitsByThread));
    problems = List.copyOf(problems);
  }

  /** The retries logged in {@code log} after its first {@code fromByte} bytes. */
  static SinkRetries inLog(Path log, long fromByte) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(Math.max(fromByte, 0), all.length);
    String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
    return parse(text.lines().toList());
  }

  static SinkRetries parse(List<String> lines) {
    Map<String, List<Duration>> waits = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String line : lines) {
      Matcher m = RETRY.matcher(line);
      if (!m.find()) {
        continue;
      }
      try {
        Duration wait = Duration.parse(m.group(3));
        waits.computeIfAbsent(m.group(1).strip(), t -> new ArrayList<>()).add(wait);
        if (problems.size() < 3 && !problems.contains(m.group(2))) {
          problems.add(m.group(2));
        }
      } catch (DateTimeParseException notADuration) {
        // A line that only looks like a retry; the count of real ones is what matters.
      }
    }
    return new SinkRetries(waits, problems);
  }

  long total() {
    return waitsByThread.values().stream().mapToLong(List::size).sum();
  }

  /**
   * Backed off: within each thread the waits grow, and a run of three retries or more reaches at
   * least four times the first wait (doubling); a tight loop fails both. A wait may drop only back
   * to the thread's first wait: the sink starts its backoff afresh once a batch is stored, and a
   * nearly full disk lets some batches through (a page frees up) while others fail.
   */
  boolean backedOff() {
    for (List<Duration> waits : waitsByThread.values()) {
      Duration first = waits.getFirst();
      int runStart = 0;
      for (int i = 1; i <= waits.size(); i++) {
        boolean runEnds = i == waits.size() || waits.get(i).compareTo(waits.get(i - 1)) < 0;
        if (!runEnds) {
          continue;
        }
        if (i < waits.size() && !waits.get(i).equals(first)) {
          return false;
        }
        List<Duration> run = waits.subList(runStart, i);
        if (run.size() >= 3 && run.getLast().compareTo(first.multipliedBy(4)) < 0) {
          return false;
        }
        runStart = i;
      }
    }
    return total() > 0;
  }

  /** One line: "sink-readings: 1s 2s 4s 8s; ..." */
  String summary() {
    var text = new StringBuilder();
    waitsByThread.forEach(
        (thread, waits) -> {
          if (!text.isEmpty()) {
            text.append("; ");
          }
          text.append(thread).append(':');
          waits.forEach(w -> text.append(' ').append(w.toSeconds()).append('s'));
        });
    return text.isEmpty() ? "no retry logged" : text.toString();
  }
}
