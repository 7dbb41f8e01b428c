package dev.argus.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a service stopped, read from what it wrote to its log, so that the launcher can say it in one
 * line instead of pointing at the log. Three shapes are understood, newest in the log wins:
 *
 * <ul>
 *   <li>the line a service's {@code main} prints when it refuses a setting before Spring starts
 *       ({@code argus-api cannot start: API_KEY must be ...});
 *   <li>Spring Boot's failure analysis ({@code APPLICATION FAILED TO START}): its Description,
 *       reduced to the {@code Reason:} of a failed binding, which the settings records word
 *       themselves;
 *   <li>Spring Boot's {@code Application run failed} with a stack trace: the message of the
 *       outermost exception thrown by Argus code (the one with the most context), else of the
 *       deepest one that has a message.
 * </ul>
 *
 * @param reason the service's own words
 * @param refusedSetting the service refused a setting (as opposed to failing at something else,
 *     such as reaching the broker)
 */
record StartupFailure(String reason, boolean refusedSetting) {

  /** What a service's {@code main} prints, first, when it refuses a setting. */
  static final Pattern REFUSED_BY_MAIN = Pattern.compile("^argus-[\\w-]+ cannot start: (.+)$");

  private static final String ANALYSIS = "APPLICATION FAILED TO START";
  private static final String RUN_FAILED = "Application run failed";
  private static final String GENERIC_ACTION = "Update your application's configuration";
  private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT.*");
  private static final Pattern EXCEPTION_HEADER =
      Pattern.compile("^(?:Caused by: )?([A-Za-z_$][\\w$]*(?:\\.[\\w$]+)+)(?:: (.*))?$");
  private static final Pattern EXCEPTION_PREFIX =
      Pattern.compile("^[A-Za-z_$][\\w$]*(?:\\.[\\w$]+)+(?:Exception|Error): ");

  /** The reason in {@code log} (what one run of a service wrote), if it holds one. */
  static Optional<StartupFailure> in(String log) {
    List<String> lines = log.lines().toList();
    int refused = lastIndex(lines, line -> REFUSED_BY_MAIN.matcher(line).matches());
    int analysis = lastIndex(lines, line -> line.strip().equals(ANALYSIS));
    int runFailed = lastIndex(lines, line -> line.endsWith(RUN_FAILED));
    int latest = Math.max(refused, Math.max(analysis, runFailed));
    if (latest < 0) {
      return Optional.empty();
    }
    if (latest == refused) {
      Matcher m = REFUSED_BY_MAIN.matcher(lines.get(refused));
      m.matches();
      return Optional.of(new StartupFailure(m.group(1).strip(), true));
    }
    return latest == analysis
        ? fromAnalysis(lines.subList(analysis + 1, lines.size()))
        : fromStackTrace(lines.subList(runFailed + 1, lines.size()));
  }

  private static Optional<StartupFailure> fromAnalysis(List<String> lines) {
    List<String> description = section(lines, "Description:");
    if (description.isEmpty()) {
      return Optional.empty();
    }
    boolean binding = description.getFirst().startsWith("Failed to bind properties");
    String reason = valueOf(description, "Reason: ");
    if (reason != null) {
      reason = EXCEPTION_PREFIX.matcher(reason).replaceFirst("");
      String property = valueOf(description, "Property: ");
      String value = valueOf(description, "Value: ");
      if (property != null) {
        reason = property + (value == null ? "" : " = " + value) + ": " + reason;
      }
      return Optional.of(new StartupFailure(reason, binding));
    }
    List<String> action = section(lines, "Action:");
    String text = String.join(" ", description);
    if (!action.isEmpty() && !action.getFirst().equals(GENERIC_ACTION)) {
      text += " " + String.join(" ", action);
    }
    return Optional.of(new StartupFailure(text, binding));
  }

  /** The non-blank lines under {@code heading}, up to the next heading or log line. */
  private static List<String> section(List<String> lines, String heading) {
    List<String> section = new ArrayList<>();
    int start = lines.indexOf(heading);
    if (start < 0) {
      return section;
    }
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.equals("Action:") || LOG_LINE.matcher(line).matches()) {
        break;
      }
      if (!line.isBlank()) {
        section.add(line.strip());
      }
    }
    return section;
  }

  private static String valueOf(List<String> description, String label) {
    return description.stream()
        .filter(line -> line.startsWith(label))
        .map(line -> line.substring(label.length()).strip())
        .findFirst()
        .orElse(null);
  }

  private record Thrown(String type, String message, boolean byArgus) {}

  private static Optional<StartupFailure> fromStackTrace(List<String> lines) {
    List<Thrown> chain = new ArrayList<>();
    Thrown current = null;
    boolean inMessage = false;
    for (String line : lines) {
      if (LOG_LINE.matcher(line).matches()) {
        break;
      }
      String trimmed = line.strip();
      Matcher header = EXCEPTION_HEADER.matcher(trimmed);
      boolean headerLine =
          (chain.isEmpty() || trimmed.startsWith("Caused by: ")) && header.matches();
      if (headerLine) {
        current =
            new Thrown(
                header.group(1), header.group(2) == null ? "" : header.group(2).strip(), false);
        chain.add(current);
        inMessage = true;
      } else if (current != null && trimmed.startsWith("at ")) {
        if (inMessage && trimmed.startsWith("at dev.argus.")) {
          current = new Thrown(current.type(), current.message(), true);
          chain.set(chain.size() - 1, current);
        }
        inMessage = false;
      } else if (current != null && inMessage && !trimmed.isEmpty()) {
        current = new Thrown(current.type(), current.message() + " " + trimmed, false);
        chain.set(chain.size() - 1, current);
      }
    }
    Optional<Thrown> byArgus = chain.stream().filter(t -> t.byArgus() && hasMessage(t)).findFirst();
    Optional<Thrown> deepest =
        chain.reversed().stream().filter(StartupFailure::hasMessage).findFirst();
    return byArgus.or(() -> deepest).map(t -> new StartupFailure(t.message(), false));
  }

  private static boolean hasMessage(Thrown thrown) {
    String message = thrown.message();
    return !message.isEmpty() && !message.equals("null") && !message.endsWith(": null");
  }

  private static int lastIndex(List<String> lines, Predicate<String> test) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
