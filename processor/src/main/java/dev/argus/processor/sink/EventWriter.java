package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;
import static dev.argus.processor.sink.SqlValues.withoutNulChars;

import dev.argus.contract.WireJson;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.PowerEventType;
import dev.argus.contract.events.Severity;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.llm.LlmEventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Derived events as rows, by source: power events in {@code power_events}, uptime-target events in
 * {@code target_events}. Insert-only on {@code (event_id, ts)}; event ids are name-based, so a
 * replay adds nothing.
 */
final class EventWriter {

  private static final String INSERT_POWER_EVENT =
      """
      INSERT INTO power_events (event_id, ts, device_id, event_type, severity, metadata)
      VALUES (?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (event_id, ts) DO NOTHING
      """;

  private static final String INSERT_TARGET_EVENT =
      """
      INSERT INTO target_events (event_id, ts, target_id, event_type, severity, metadata)
      VALUES (?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (event_id, ts) DO NOTHING
      """;

  private EventWriter() {}

  static int insertPowerEvents(Connection connection, List<DerivedEvent> events)
      throws SQLException {
    return insert(connection, INSERT_POWER_EVENT, events, SqlValues::text);
  }

  static int insertTargetEvents(Connection connection, List<DerivedEvent> events)
      throws SQLException {
    // Target ids are numbers in target_events; the subject id carries them as text.
    return insert(connection, INSERT_TARGET_EVENT, events, Long::parseLong);
  }

  private static int insert(
      Connection connection,
      String sql,
      List<DerivedEvent> events,
      Function<String, Object> subject)
      throws SQLException {
    return JdbcBatch.execute(
        connection,
        sql,
        events,
        (insert, e) -> {
          insert.setObject(1, UUID.fromString(e.eventId()));
          insert.setObject(2, timestamp(e.timestamp()), Types.TIMESTAMP_WITH_TIMEZONE);
          insert.setObject(3, subject.apply(e.subjectId()));
          insert.setString(4, text(e.eventType()));
          insert.setString(5, severity(e).wireName());
          insert.setString(6, WireJson.MAPPER.writeValueAsString(withoutNulChars(e.metadata())));
        });
  }

  /**
   * The event's own severity; for an event that carries none, its type's, and {@code medium} for a
   * type this version does not know.
   */
  static Severity severity(DerivedEvent event) {
    if (event.severity() != null) {
      return event.severity();
    }
    try {
      return switch (event.source()) {
        case DerivedEvent.SOURCE_TARGET ->
            TargetEventType.fromWireName(event.eventType()).severity();
        case DerivedEvent.SOURCE_LLM -> LlmEventType.fromWireName(event.eventType()).severity();
        default -> PowerEventType.fromWireName(event.eventType()).severity();
      };
    } catch (IllegalArgumentException unknownType) {
      return Severity.MEDIUM;
    }
  }
}
