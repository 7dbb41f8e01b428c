package dev.argus.collector.nut;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads upsd's answers to {@code LIST UPS}, {@code LIST VAR}, {@code USERNAME}, {@code PASSWORD}
 * and {@code LOGOUT}, without any socket code so that every malformed answer can be unit-tested.
 *
 * <p>Answers are strict: anything that is not the expected line is a {@link NutProtocolException},
 * an {@code ERR} line is a {@link NutServerError}, and a list that has not ended after {@code
 * maxListLines} lines is refused, so a server that streams forever cannot keep a poll busy. Words
 * are separated by spaces; a word in double quotes may contain spaces, and a backslash makes the
 * next character literal ({@code \"} and {@code \\}), as in NUT's own parser.
 */
final class NutResponseParser {

  private static final int QUOTED_LINE_PREVIEW = 120;

  private final int maxListLines;

  NutResponseParser(int maxListLines) {
    if (maxListLines < 1) {
      throw new IllegalArgumentException("maxListLines must be at least 1, was " + maxListLines);
    }
    this.maxListLines = maxListLines;
  }

  /** Reads the answer to {@code LIST UPS}: every UPS the server has, in the order it lists them. */
  List<UpsInfo> upsList(NutLineSource in) throws IOException {
    String request = "LIST UPS";
    List<String> begin = expectBegin(request, in, List.of("BEGIN", "LIST", "UPS"));
    List<UpsInfo> upses = new ArrayList<>();
    for (int count = 0; count < maxListLines; count++) {
      String line = nextLine(request, in, "END LIST UPS");
      List<String> words = answerWords(request, line);
      if (words.equals(List.of("END", "LIST", "UPS"))) {
        return upses;
      }
      if (words.size() != 3 || !words.get(0).equals("UPS")) {
        throw malformed(request, "expected 'UPS <name> \"<description>\"'", line);
      }
      upses.add(new UpsInfo(words.get(1), words.get(2)));
    }
    throw tooLong(request, begin);
  }

  /**
   * Reads the answer to {@code LIST VAR <ups>}: variable name to value, in the server's order. A
   * line about another UPS is a protocol error rather than silently mixing two devices' values.
   */
  Map<String, String> variables(String ups, NutLineSource in) throws IOException {
    String request = "LIST VAR " + ups;
    List<String> begin = expectBegin(request, in, List.of("BEGIN", "LIST", "VAR", ups));
    Map<String, String> variables = new LinkedHashMap<>();
    for (int count = 0; count < maxListLines; count++) {
      String line = nextLine(request, in, "END LIST VAR " + ups);
      List<String> words = answerWords(request, line);
      if (words.size() == 4 && isListWords(words, "END", ups)) {
        return variables;
      }
      if (words.size() != 4 || !words.get(0).equals("VAR")) {
        throw malformed(request, "expected 'VAR " + ups + " <name> \"<value>\"'", line);
      }
      if (!sameUps(words.get(1), ups)) {
        throw malformed(
            request, "a variable of UPS '" + words.get(1) + "' in the list of '" + ups + "'", line);
      }
      variables.put(words.get(2), words.get(3));
    }
    throw tooLong(request, begin);
  }

  /**
   * Reads the answer to a command that upsd confirms with {@code OK} (possibly followed by text).
   */
  void ok(String request, NutLineSource in) throws IOException {
    String line = nextLine(request, in, "OK");
    List<String> words = answerWords(request, line);
    if (words.isEmpty() || !words.get(0).equals("OK")) {
      throw malformed(request, "expected 'OK'", line);
    }
  }

  /**
   * Splits a line into words. Quoted words keep their spaces; a backslash escapes the character
   * after it. Text directly after a closing quote, an unterminated quote or a trailing backslash
   * make the line malformed.
   */
  static List<String> words(String line) throws NutProtocolException {
    List<String> words = new ArrayList<>();
    int i = 0;
    int length = line.length();
    while (i < length) {
      if (line.charAt(i) == ' ') {
        i++;
        continue;
      }
      boolean quoted = line.charAt(i) == '"';
      if (quoted) {
        i++;
      }
      StringBuilder word = new StringBuilder();
      boolean closed = false;
      while (i < length) {
        char c = line.charAt(i);
        if (c == '\\') {
          if (i + 1 == length) {
            throw new NutProtocolException("line ends with a lone backslash: " + preview(line));
          }
          word.append(line.charAt(i + 1));
          i += 2;
        } else if (quoted && c == '"') {
          closed = true;
          i++;
          break;
        } else if (!quoted && (c == ' ' || c == '"')) {
          break;
        } else {
          word.append(c);
          i++;
        }
      }
      if (quoted && !closed) {
        throw new NutProtocolException("unterminated quoted value: " + preview(line));
      }
      if (i < length && line.charAt(i) != ' ') {
        throw new NutProtocolException("a quote in the middle of a word: " + preview(line));
      }
      words.add(word.toString());
    }
    return words;
  }

  private List<String> expectBegin(String request, NutLineSource in, List<String> expected)
      throws IOException {
    String line = nextLine(request, in, String.join(" ", expected));
    List<String> words = answerWords(request, line);
    boolean matches =
        words.size() == expected.size()
            && words
                .subList(0, expected.size() - 1)
                .equals(expected.subList(0, expected.size() - 1))
            && sameUps(words.getLast(), expected.getLast());
    if (!matches) {
      throw malformed(request, "expected '" + String.join(" ", expected) + "'", line);
    }
    return words;
  }

  /** Words of an answer line; an {@code ERR} line becomes a {@link NutServerError}. */
  private static List<String> answerWords(String request, String line) throws NutException {
    List<String> words;
    try {
      words = words(line);
    } catch (NutProtocolException e) {
      throw new NutProtocolException("malformed answer to " + request + ": " + e.getMessage());
    }
    if (!words.isEmpty() && words.get(0).equals("ERR")) {
      String code = words.size() > 1 ? words.get(1) : "UNKNOWN";
      String detail = String.join(" ", words.subList(Math.min(2, words.size()), words.size()));
      throw new NutServerError(code, detail, request);
    }
    return words;
  }

  private static String nextLine(String request, NutLineSource in, String expected)
      throws IOException {
    String line = in.nextLine();
    if (line == null) {
      throw new NutProtocolException(
          "connection closed before '" + expected + "' in the answer to " + request);
    }
    return line;
  }

  private static boolean isListWords(List<String> words, String first, String ups) {
    return words.get(0).equals(first)
        && words.get(1).equals("LIST")
        && words.get(2).equals("VAR")
        && sameUps(words.get(3), ups);
  }

  /** upsd matches UPS names case-insensitively and answers with the name from its ups.conf. */
  private static boolean sameUps(String answered, String requested) {
    return answered.equalsIgnoreCase(requested);
  }

  private NutProtocolException tooLong(String request, List<String> begin) {
    return new NutProtocolException(
        "the answer to "
            + request
            + " did not end within "
            + maxListLines
            + " lines after '"
            + String.join(" ", begin)
            + "'");
  }

  private static NutProtocolException malformed(String request, String expectation, String line) {
    return new NutProtocolException(
        "malformed answer to " + request + ": " + expectation + ", got " + preview(line));
  }

  /** The line as it can be shown in a log: quoted, shortened, control characters escaped. */
  static String preview(String line) {
    StringBuilder shown = new StringBuilder("'");
    int limit = Math.min(line.length(), QUOTED_LINE_PREVIEW);
    for (int i = 0; i < limit; i++) {
      char c = line.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        shown.append(String.format("\\x%02x", (int) c));
      } else {
        shown.append(c);
      }
    }
    shown.append('\'');
    if (line.length() > limit) {
      shown.append(" (").append(line.length()).append(" characters)");
    }
    return shown.toString();
  }
}
