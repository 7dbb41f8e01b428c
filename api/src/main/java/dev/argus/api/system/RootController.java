package dev.argus.api.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} and {@code GET /health} at the server root, as the LLM monitor's seed answers them:
 * a liveness answer that needs neither a key nor the database. The detailed health, with the
 * database and the collectors, is {@code GET /api/health}.
 *
 * <p>A browser asking for {@code /} (its {@code Accept} prefers {@code text/html}) gets the web
 * dashboard's page instead; Spring MVC's content negotiation picks the handler, so {@code Accept:
 * application/json}, {@code *}{@code /*} or no {@code Accept} at all still get {@code
 * {"status":"ok"}}. The page's scripts and styles are static resources under {@code /ui/}.
 */
@RestController
@Tag(name = "system")
class RootController {

  /**
   * The dashboard's sources are all its own ({@code /ui/}, {@code /webjars/}); camera thumbnails
   * arrive as base64 {@code data:} images; live updates come over this host's {@code /ws}.
   */
  static final String DASHBOARD_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  private static final Resource DASHBOARD = new ClassPathResource("static/ui/index.html");

  /** The answer of both routes. */
  record Status(@JsonProperty("status") String status) {}

  @GetMapping("/")
  @Operation(summary = "The api answers (liveness)")
  ResponseEntity<Status> root() {
    return ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(new Status("ok"));
  }

  /** The dashboard page, for browsers; not an API operation, so not in the OpenAPI document. */
  @Hidden
  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Resource> dashboard() {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .cacheControl(CacheControl.noCache())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .header("Content-Security-Policy", DASHBOARD_POLICY)
        .body(DASHBOARD);
  }

  @GetMapping("/health")
  @Operation(
      summary = "The api process is alive",
      description = "Does not look at the database; GET /api/health does.")
  Status health() {
    return new Status("healthy");
  }
}
