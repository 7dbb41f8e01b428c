package dev.argus.api.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} and {@code GET /health} at the server root, as the LLM monitor's seed answers them:
 * a liveness answer that needs neither a key nor the database. The detailed health, with the
 * database and the collectors, is {@code GET /api/health}.
 */
@RestController
@Tag(name = "system")
class RootController {

  /** The answer of both routes. */
  record Status(@JsonProperty("status") String status) {}

  @GetMapping("/")
  @Operation(summary = "The api answers (liveness)")
  Status root() {
    return new Status("ok");
  }

  @GetMapping("/health")
  @Operation(
      summary = "The api process is alive",
      description = "Does not look at the database; GET /api/health does.")
  Status health() {
    return new Status("healthy");
  }
}
