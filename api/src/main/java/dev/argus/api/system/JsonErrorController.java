package dev.argus.api.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's default error page for errors raised outside the controllers (the servlet
 * container's error dispatch to {@code /error}), so that those answers have the same detail-only
 * JSON body as every other error.
 */
@Hidden
@RestController
class JsonErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ErrorBody> error(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    return ResponseEntity.status(status).body(new ErrorBody(status.getReasonPhrase()));
  }

  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    // A direct request for /error is not a real route.
    return status != null ? status : HttpStatus.NOT_FOUND;
  }
}
