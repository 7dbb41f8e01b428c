package dev.argus.api.llm.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.api.system.jdbc.Columns;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * An alert the processor raised for a rule and a subject ({@code llm_alerts}), of an LLM rule or of
 * a {@code camera_detection} rule (then {@code camera_id} and {@code event_id} name the camera
 * event and the subject is the camera's name): open until the condition recovers ({@code
 * resolved_at}); {@code acknowledged} is the only thing the api changes.
 */
record LlmAlert(
    String id,
    @JsonProperty("rule_id") String ruleId,
    @JsonProperty("rule_name") @Schema(nullable = true) String ruleName,
    @JsonProperty("rule_type") String ruleType,
    @JsonProperty("model_id") @Schema(nullable = true) String modelId,
    @JsonProperty("camera_id")
        @Schema(nullable = true, description = "camera_detection: the camera of the event")
        String cameraId,
    @JsonProperty("event_id")
        @Schema(nullable = true, description = "camera_detection: the camera event that opened it")
        String eventId,
    @Schema(
            description =
                "What the alert is about: a model id, a model name everywhere, or a camera's name")
        String subject,
    @Schema(allowableValues = {"low", "medium", "high", "critical"}) String severity,
    String message,
    @Schema(allowableValues = {"open", "resolved"}) String status,
    @JsonProperty("opened_at") Instant openedAt,
    @JsonProperty("resolved_at") @Schema(nullable = true) Instant resolvedAt,
    boolean acknowledged,
    @JsonProperty("acknowledged_at") @Schema(nullable = true) Instant acknowledgedAt,
    @JsonProperty("created_at") Instant createdAt) {

  static final String SELECT =
      "SELECT id, rule_id, rule_name, rule_type, model_id, camera_id, event_id, subject, severity,"
          + " message, opened_at, resolved_at, acknowledged, acknowledged_at, created_at"
          + " FROM llm_alerts";

  static LlmAlert of(ResultSet rs) throws SQLException {
    Instant resolvedAt = Columns.instant(rs, "resolved_at");
    return new LlmAlert(
        rs.getString("id"),
        rs.getString("rule_id"),
        rs.getString("rule_name"),
        rs.getString("rule_type"),
        rs.getString("model_id"),
        rs.getString("camera_id"),
        rs.getString("event_id"),
        rs.getString("subject"),
        rs.getString("severity"),
        rs.getString("message"),
        resolvedAt == null ? "open" : "resolved",
        Columns.instant(rs, "opened_at"),
        resolvedAt,
        rs.getBoolean("acknowledged"),
        Columns.instant(rs, "acknowledged_at"),
        Columns.instant(rs, "created_at"));
  }
}
