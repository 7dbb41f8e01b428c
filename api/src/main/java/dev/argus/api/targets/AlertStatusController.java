package dev.argus.api.targets;

import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/alert-status}, the alert seed's lightweight polling endpoint for relays, Home
 * Assistant and scripts. Any valid key may call it (no scope: it shows only names and counts),
 * within its own per-key window (ALERT_STATUS_RATE_LIMIT_PER_MINUTE, default 120).
 */
@RestController
@Tag(name = "alert-status")
class AlertStatusController {

  static final String UNAVAILABLE = "Unable to fetch alert status";
  private static final Logger log = LoggerFactory.getLogger(AlertStatusController.class);

  private final AlertStatusRepository alerts;
  private final Clock clock;

  AlertStatusController(AlertStatusRepository alerts, Clock clock) {
    this.alerts = alerts;
    this.clock = clock;
  }

  @GetMapping("/api/v1/alert-status")
  @Operation(
      summary = "Whether any enabled, unacknowledged target is at or past its failure threshold",
      description = "Built for polling every 10-30 s; the answer is typically under 500 bytes.")
  @ApiResponse(responseCode = "200", description = "The current alert state")
  @ApiResponse(
      responseCode = "500",
      description = "The database failed: {\"detail\": \"Unable to fetch alert status\"}",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  AlertStatus alertStatus() {
    return AlertStatus.of(alerts.failing(), clock.instant());
  }

  /**
   * The seed's 500 body, for any database failure while reading the status (the api-wide handler
   * would answer 503 with its own detail; relays and scripts written against the seed expect this).
   */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ErrorBody> databaseFailure(DataAccessException e) {
    log.warn("Cannot read the alert status: {}", e.getMostSpecificCause().getMessage());
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ErrorBody(UNAVAILABLE));
  }
}
