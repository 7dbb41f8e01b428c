package dev.argus.api.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error page for what it refuses itself, before the api sees the request (a malformed
 * request line, headers over the size or count limit, an over-long URL, {@code %2F} in a path, an
 * unsupported HTTP version): the same {@code {"detail": ...}} JSON as every other error instead of
 * Tomcat's HTML page. Tomcat's own {@code JsonErrorReportValve} writes a different shape ({@code
 * status}, {@code message}, {@code description}), hence this minimal subclass; like Tomcat's valves
 * it writes nothing when the response already has a body.
 */
public final class ContainerErrorReportValve extends ErrorReportValve {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("utf-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            JSON.writeValueAsString(ErrorBody.of(request, status, detail(status, request))));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was committed meanwhile: nothing left to tell it.
    }
  }

  private static String detail(int status, Request request) {
    if (status == HttpStatus.BAD_REQUEST.value()
        && request.getConnector() != null
        && request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
      return badRequest(http.getMaxHttpRequestHeaderSize(), http.getMaxHeaderCount());
    }
    HttpStatus known = HttpStatus.resolve(status);
    return known != null ? known.getReasonPhrase() : "HTTP " + status;
  }

  /** Tomcat does not say which rule a request broke, so the detail names the limits. */
  static String badRequest(int maxHeaderBytes, int maxHeaderCount) {
    return "Bad request: the request line, URL or headers are malformed or exceed the server's"
        + " limits (URL and headers together at most "
        + maxHeaderBytes / 1024
        + " KB, at most "
        + maxHeaderCount
        + " headers)";
  }
}
