package dev.argus.api.ai;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Checks of the optional fields of the AI requests; a bad one is 422 naming it. */
final class RequestFields {

  static final int MAX_PROMPT_CHARS = 4_000;

  private RequestFields() {}

  /** An optional text: null or blank is absent; longer than the limit is 422. */
  static String optionalText(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_PROMPT_CHARS) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          field + " must be at most " + MAX_PROMPT_CHARS + " characters");
    }
    return value.strip();
  }

  /** An optional llm_models id. */
  static UUID uuid(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          field + " must be the id of a model (a UUID of GET /api/v1/models)");
    }
  }
}
