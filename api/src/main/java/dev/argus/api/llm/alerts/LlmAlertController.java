package dev.argus.api.llm.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/alerts}: the alerts LLM and camera_detection rules raised (newest first), their
 * unread count and their acknowledgement. Reads need {@code read:models}, acknowledging {@code
 * write:models}.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "llm alerts")
class LlmAlertController {

  private static final String LIMIT_RULE = "limit must be between 1 and 500";
  private static final String RECENT_LIMIT_RULE = "limit must be between 1 and 50";
  private static final String OFFSET_RULE = "offset must be at least 0";

  private final LlmAlertRepository alerts;

  LlmAlertController(LlmAlertRepository alerts) {
    this.alerts = alerts;
  }

  /** A page of alerts and how many alerts are unacknowledged in all. */
  @Schema(name = "LlmAlertPage")
  record Alerts(
      List<LlmAlert> items,
      @Schema(description = "Alerts matching the filters") long total,
      @JsonProperty("unacknowledged_count") long unacknowledgedCount) {}

  /** The newest alerts and how many are unacknowledged in all. */
  @Schema(name = "RecentLlmAlerts")
  record Recent(List<LlmAlert> items, @JsonProperty("total_unread") long totalUnread) {}

  /** How many alerts are unacknowledged. */
  @Schema(name = "UnreadAlertCount")
  record UnreadCount(long count) {}

  @GetMapping
  @Operation(summary = "Alerts, newest first")
  Alerts list(
      @Parameter(description = "Only alerts of this rule")
          @RequestParam(name = "rule_id", required = false)
          UUID ruleId,
      @Parameter(description = "Only acknowledged (true) or unacknowledged (false) alerts")
          @RequestParam(required = false)
          Boolean acknowledged,
      @Parameter(description = "Only alerts opened at or after this time (ISO 8601)")
          @RequestParam(required = false)
          String since,
      @RequestParam(defaultValue = "50")
          @Min(value = 1, message = LIMIT_RULE)
          @Max(value = 500, message = LIMIT_RULE)
          int limit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = OFFSET_RULE) int offset) {
    var filter = new LlmAlertRepository.Filter(ruleId, acknowledged, instant(since));
    return new Alerts(
        alerts.page(filter, limit, offset), alerts.count(filter), alerts.unacknowledged());
  }

  @PatchMapping("/{id}/acknowledge")
  @Operation(
      summary = "Acknowledge an alert",
      description = "Idempotent: an alert acknowledged before keeps its acknowledged_at.")
  LlmAlert acknowledge(@PathVariable UUID id) {
    return alerts
        .acknowledge(id)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Alert " + id + " not found"));
  }

  @GetMapping("/unread-count")
  @Operation(summary = "How many alerts are unacknowledged (a notification badge)")
  UnreadCount unreadCount() {
    return new UnreadCount(alerts.unacknowledged());
  }

  @GetMapping("/recent")
  @Operation(summary = "The newest alerts (a notification dropdown)")
  Recent recent(
      @RequestParam(defaultValue = "10")
          @Min(value = 1, message = RECENT_LIMIT_RULE)
          @Max(value = 50, message = RECENT_LIMIT_RULE)
          int limit) {
    var all = new LlmAlertRepository.Filter(null, null, null);
    return new Recent(alerts.page(all, limit, 0), alerts.unacknowledged());
  }

  private static Instant instant(String since) {
    if (!StringUtils.hasText(since)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(since).toInstant();
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "since must be a date-time with an offset like 2026-05-27T12:00:00Z, got '"
              + since
              + "'");
    }
  }
}
