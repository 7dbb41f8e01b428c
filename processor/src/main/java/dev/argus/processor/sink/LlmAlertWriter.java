package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.LlmEventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * LLM alerts as rows of {@code llm_alerts}, from the events of source {@code llm}: an opening event
 * inserts the alert (idempotent on its id), {@code llm_recovered} sets {@code resolved_at} once.
 * Openings are written before recoveries, so an alert opened and recovered in one batch ends
 * resolved. {@code acknowledged} is the api's and never touched here.
 */
final class LlmAlertWriter {

  private static final String INSERT_ALERT =
      """
      INSERT INTO llm_alerts (id, rule_id, rule_name, rule_type, model_id, subject, severity,
          message, opened_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private static final String RESOLVE_ALERT =
      """
      UPDATE llm_alerts SET resolved_at = ?
      WHERE id = ? AND resolved_at IS NULL
      """;

  private LlmAlertWriter() {}

  static int insertOpened(Connection connection, List<DerivedEvent> events) throws SQLException {
    List<DerivedEvent> opened = events.stream().filter(e -> !recovery(e)).toList();
    return JdbcBatch.execute(connection, INSERT_ALERT, opened, LlmAlertWriter::bindOpened);
  }

  static int resolveRecovered(Connection connection, List<DerivedEvent> events)
      throws SQLException {
    List<DerivedEvent> recovered = events.stream().filter(LlmAlertWriter::recovery).toList();
    return JdbcBatch.execute(connection, RESOLVE_ALERT, recovered, LlmAlertWriter::bindResolved);
  }

  private static boolean recovery(DerivedEvent event) {
    return LlmEventType.RECOVERED.wireName().equals(event.eventType());
  }

  private static void bindOpened(PreparedStatement insert, DerivedEvent e) throws SQLException {
    insert.setObject(1, uuid(e, "alert_id"));
    insert.setObject(2, uuid(e, "rule_id"));
    insert.setString(3, string(e, "rule_name"));
    insert.setString(4, string(e, "rule_type"));
    insert.setObject(5, uuid(e, "model_id"), Types.OTHER);
    insert.setString(6, text(e.subjectId()));
    insert.setString(7, EventWriter.severity(e).wireName());
    insert.setString(8, string(e, "message"));
    insert.setObject(9, timestamp(e.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
  }

  private static void bindResolved(PreparedStatement update, DerivedEvent e) throws SQLException {
    update.setObject(1, timestamp(e.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
    update.setObject(2, uuid(e, "alert_id"));
  }

  private static UUID uuid(DerivedEvent event, String key) {
    Object value = event.metadata().get(key);
    return value == null ? null : UUID.fromString(value.toString());
  }

  private static String string(DerivedEvent event, String key) {
    Object value = event.metadata().get(key);
    return value == null ? null : text(value.toString());
  }
}
