package dev.argus.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the query string of every request before anything reads a parameter: each name and value
 * must be valid percent-encoding of UTF-8 and hold no NUL ({@link TextInput}). Otherwise the answer
 * is 422 naming the parameter. Without this check Tomcat's own parameter parsing throws on the
 * first {@code getParameter} call (a 500 from inside a controller), and a NUL would reach
 * PostgreSQL, which refuses it (another 500).
 *
 * <p>The raw query string is decoded here with the same rules Tomcat applies ({@code +} is a space,
 * {@code %XX} a byte, the bytes UTF-8), so a query that passes is one Tomcat decodes to the same
 * values.
 */
final class QueryParameterFilter extends OncePerRequestFilter {

  private final JsonMapper json;

  QueryParameterFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> problem = problem(request.getQueryString());
    if (problem.isPresent()) {
      ErrorBody.write(
          request, response, HttpStatus.UNPROCESSABLE_CONTENT.value(), problem.get(), json);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The first problem of a raw (still percent-encoded) query string, as a detail. */
  static Optional<String> problem(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      if (rawName.isEmpty()) {
        return Optional.of("query string: '" + pair + "' has no parameter name; use name=value");
      }
      Decoded name = decode(rawName);
      if (name.problem() != null) {
        return Optional.of("query parameter name '" + rawName + "' " + name.problem());
      }
      Optional<String> nameProblem = TextInput.problem("query parameter name", name.text());
      if (nameProblem.isPresent()) {
        return nameProblem;
      }
      if (equals >= 0) {
        Decoded value = decode(pair.substring(equals + 1));
        if (value.problem() != null) {
          return Optional.of(name.text() + ": " + value.problem());
        }
        Optional<String> valueProblem = TextInput.problem(name.text(), value.text());
        if (valueProblem.isPresent()) {
          return valueProblem;
        }
      }
    }
    return Optional.empty();
  }

  private record Decoded(String text, String problem) {}

  private static Decoded decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          return new Decoded(null, TextInput.NOT_PERCENT_ENCODED);
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c > 0xFF) {
        // Tomcat hands the raw query string over as ISO-8859-1, one char per byte.
        return new Decoded(null, TextInput.NOT_UTF_8);
      } else {
        bytes.write(c);
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      return new Decoded(text, null);
    } catch (CharacterCodingException e) {
      return new Decoded(null, TextInput.NOT_UTF_8);
    }
  }
}
