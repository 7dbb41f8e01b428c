package dev.argus.api.config;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A {@code PUT /api/config} body that breaks the rules: 422 naming every problem. */
final class InvalidRuntimeConfigException extends ResponseStatusException {

  InvalidRuntimeConfigException(List<String> problems) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ", problems));
  }
}
