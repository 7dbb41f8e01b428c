package dev.argus.api.system.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/system/health}: 200 unless the database is down (503, same body). */
@RestController
@Tag(name = "system")
class SystemHealthController {

  private final SystemHealthCheck check;

  SystemHealthController(SystemHealthCheck check) {
    this.check = check;
  }

  @GetMapping("/api/v1/system/health")
  @Operation(
      summary =
          "Every component: database, broker, collectors, camera workers, AI providers,"
              + " processor")
  @ApiResponse(responseCode = "200", description = "ok or degraded")
  @ApiResponse(
      responseCode = "503",
      description = "The database is down; the body says what else was seen",
      content = @Content(schema = @Schema(implementation = SystemHealth.class)))
  ResponseEntity<SystemHealth> health() {
    SystemHealth health = check.check();
    return ResponseEntity.status(
            health.databaseDown() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
        .body(health);
  }
}
