package dev.argus.api.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/health}: 200 while the database answers, 503 otherwise. */
@RestController
@Tag(name = "system")
class HealthController {

  private final HealthCheck healthCheck;

  HealthController(HealthCheck healthCheck) {
    this.healthCheck = healthCheck;
  }

  @GetMapping("/api/health")
  @Operation(summary = "Service health, collector scheduler state and api uptime")
  @ApiResponse(responseCode = "200", description = "Healthy")
  @ApiResponse(
      responseCode = "503",
      description = "The database is unreachable, not migrated or out of disk space")
  ResponseEntity<HealthResponse> health() {
    HealthResponse health = healthCheck.check();
    HttpStatus status = health.isHealthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
    return ResponseEntity.status(status).body(health);
  }
}
