package dev.argus.api.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes whose error bodies carry {@code status_code} beside {@code detail}: those of the
 * camera seed (cameras, events, AI, system, Protect). Every other route keeps the detail-only body
 * its own seed shows. The one list, asked by every writer of error bodies (the exception handler
 * through {@link StatusCodeInErrorBodies}, the filters, the security chain, the container's error
 * valve).
 *
 * <p>Paths are matched the way Spring MVC's router reads them (decoded segments, path parameters
 * set aside, case significant), and an error dispatch is judged by the path of the request that
 * failed, not by {@code /error}.
 */
public final class StatusCodePaths {

  /** The camera seed's route prefixes, as OpenAPI paths start. */
  public static final List<String> PREFIXES =
      List.of(
          "/api/v1/cameras", "/api/v1/events", "/api/v1/ai", "/api/v1/system", "/api/v1/protect");

  private static final List<PathPattern> PATTERNS =
      PREFIXES.stream()
          .map(prefix -> PathPatternParser.defaultInstance.parse(prefix + "/**"))
          .toList();

  private StatusCodePaths() {}

  /** Whether an OpenAPI path (e.g. {@code /api/v1/cameras/{id}}) is one of these routes. */
  public static boolean carriesStatusCode(String documentedPath) {
    return PREFIXES.stream()
        .anyMatch(
            prefix -> documentedPath.equals(prefix) || documentedPath.startsWith(prefix + "/"));
  }

  /** Whether the answer to {@code request} is one of these routes'. */
  public static boolean carriesStatusCode(HttpServletRequest request) {
    try {
      Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      String uri = failed instanceof String original ? original : request.getRequestURI();
      if (uri == null) {
        return false;
      }
      RequestPath path = RequestPath.parse(uri, request.getContextPath());
      return PATTERNS.stream().anyMatch(pattern -> pattern.matches(path.pathWithinApplication()));
    } catch (RuntimeException unreadable) {
      // A path the container could not make sense of belongs to no route.
      return false;
    }
  }
}
