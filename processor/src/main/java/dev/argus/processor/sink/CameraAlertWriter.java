package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.events.DerivedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * Camera alerts as rows of {@code llm_alerts} (the one alert list of {@code /api/v1/alerts}), from
 * the {@code camera_detection} events of source {@code camera}: insert-only on the alert id, which
 * is named after the rule and the camera event, so a replay adds nothing.
 *
 * <p>A detection is a moment, not a state: {@code opened_at} and {@code resolved_at} are both the
 * event's time, so the alert is listed as resolved at once and never waits for a recovery; it
 * counts as unread until acknowledged like any other. {@code subject} is the camera's name, {@code
 * model_id} is null, {@code camera_id} and {@code event_id} name the camera and its event. {@code
 * acknowledged} is the api's and never touched here.
 */
final class CameraAlertWriter {

  private static final String INSERT_ALERT =
      """
      INSERT INTO llm_alerts (id, rule_id, rule_name, rule_type, model_id, subject, severity,
          message, opened_at, resolved_at, camera_id, event_id)
      VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private CameraAlertWriter() {}

  static int insert(Connection connection, List<DerivedEvent> events) throws SQLException {
    return JdbcBatch.execute(connection, INSERT_ALERT, events, CameraAlertWriter::bind);
  }

  private static void bind(PreparedStatement insert, DerivedEvent e) throws SQLException {
    String cameraName = string(e, "camera_name");
    insert.setObject(1, uuid(e, "alert_id"));
    insert.setObject(2, uuid(e, "rule_id"));
    insert.setString(3, string(e, "rule_name"));
    insert.setString(4, string(e, "rule_type"));
    insert.setString(5, cameraName != null ? cameraName : text(e.subjectId()));
    insert.setString(6, EventWriter.severity(e).wireName());
    insert.setString(7, string(e, "message"));
    insert.setObject(8, timestamp(e.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setObject(9, timestamp(e.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setObject(10, uuid(e, "camera_id"));
    insert.setObject(11, uuid(e, "event_id"));
  }

  private static UUID uuid(DerivedEvent event, String key) {
    return UUID.fromString(event.metadata().get(key).toString());
  }

  private static String string(DerivedEvent event, String key) {
    Object value = event.metadata().get(key);
    return value == null || value.toString().isBlank() ? null : text(value.toString());
  }
}
