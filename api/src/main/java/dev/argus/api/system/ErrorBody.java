package dev.argus.api.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of every error response: {@code {"detail": "..."}}, as in the seed API; under the paths
 * of the camera seed ({@link StatusCodePaths}) {@code {"detail": "...", "status_code": N}}, as that
 * seed shows.
 *
 * @param detail what went wrong and, where the client can act, what to do
 * @param statusCode the HTTP status again, only on the camera seed's paths; left out elsewhere
 */
public record ErrorBody(
    String detail,
    @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("status_code")
        Integer statusCode) {

  /** A detail-only body; {@link StatusCodeInErrorBodies} adds the status where the path asks. */
  public ErrorBody(String detail) {
    this(detail, null);
  }

  /** The body for an answer to {@code request}: with the status code where its path asks for it. */
  public static ErrorBody of(HttpServletRequest request, int status, String detail) {
    return new ErrorBody(detail, StatusCodePaths.carriesStatusCode(request) ? status : null);
  }

  /** This body with the status code set where the request's path asks for it. */
  ErrorBody forAnswer(HttpServletRequest request, int status) {
    return statusCode == null ? of(request, status, detail) : this;
  }

  /**
   * Writes the body of {@code detail} as the whole answer, for what answers before Spring MVC's
   * exception handling can (servlet filters, the security chain).
   */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String detail,
      JsonMapper json)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(of(request, status, detail)));
  }
}
