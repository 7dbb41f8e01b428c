package dev.argus.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answer to a request Spring Security's {@code StrictHttpFirewall} refuses before anything else
 * runs ({@code ;}, encoded {@code /} or {@code .}, {@code //}, {@code /./}, {@code %25}, NUL, an
 * unknown method...): 400 with a {@code {"detail"}} body, not an HTML page or a 500. Such a path
 * could be read one way by a rule and another way by the router, so it is not served at all.
 */
class RejectedRequestResponse implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(RejectedRequestResponse.class);

  private final SecurityErrorResponses errors;

  RejectedRequestResponse(SecurityErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    log.debug("Rejected {} request: {}", request.getMethod(), e.getMessage());
    errors.write(
        request,
        response,
        400,
        e.getMessage()
            + ". Send the path plainly: no ';', '//', '/./', '/../', encoded '/', '.', '\\' or '%',"
            + " and a standard method",
        0);
  }
}
