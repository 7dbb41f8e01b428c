package dev.argus.api.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of every error response: {@code {"detail": "..."}}, as in the seed API.
 *
 * @param detail what went wrong and, where the client can act, what to do
 */
public record ErrorBody(String detail) {

  /**
   * Writes this body as the whole answer, for what answers before Spring MVC's exception handling
   * can (servlet filters, the security chain).
   */
  public void writeTo(HttpServletResponse response, int status, JsonMapper json)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(this));
  }
}
