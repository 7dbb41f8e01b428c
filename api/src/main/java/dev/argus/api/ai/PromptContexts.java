package dev.argus.api.ai;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the line of context of a description prompt from three sources: the camera's name, the
 * time of day of the event (UTC), and this camera's recent similar events ({@code camera_events} of
 * the hour before the event: how many, and the newest one's description). Every build is counted in
 * {@link ContextMetrics}.
 */
@Component
class PromptContexts {

  static final Duration RECENT = Duration.ofHours(1);
  private static final int MAX_QUOTED = 200;
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  private final JdbcClient jdbc;
  private final ContextMetrics metrics;

  PromptContexts(JdbcClient jdbc, ContextMetrics metrics) {
    this.jdbc = jdbc;
    this.metrics = metrics;
  }

  /**
   * The context of an event of {@code cameraId} at {@code occurredAt}; {@code eventId} itself is
   * not one of its recent events (a re-analysis finds its own row).
   */
  PromptContext build(UUID cameraId, String cameraName, Instant occurredAt, UUID eventId) {
    long started = System.nanoTime();
    StringBuilder line = new StringBuilder();
    boolean named = cameraName != null && !cameraName.isBlank();
    if (named) {
      line.append("Camera: ").append(cameraName.strip()).append(". ");
    }
    LocalTime time = occurredAt.atOffset(ZoneOffset.UTC).toLocalTime();
    line.append("Time: ")
        .append(HOURS.format(time))
        .append(" UTC (")
        .append(partOfDay(time))
        .append(").");
    Recent recent = recent(cameraId, occurredAt, eventId);
    if (recent.count() > 0) {
      line.append(" Recent similar events: ")
          .append(recent.count())
          .append(" on this camera in the last hour");
      if (recent.newestDescription() != null) {
        line.append(", the latest described as \"").append(quoted(recent.newestDescription()));
        line.append('"');
      }
      line.append('.');
    }
    PromptContext context =
        new PromptContext(
            line.toString(),
            named,
            true,
            recent.count() > 0,
            recent.count(),
            System.nanoTime() - started);
    metrics.add(context);
    return context;
  }

  private record Recent(long count, String newestDescription) {}

  private Recent recent(UUID cameraId, Instant occurredAt, UUID eventId) {
    OffsetDateTime until = occurredAt.atOffset(ZoneOffset.UTC);
    return jdbc.sql(
            """
            SELECT count(*) AS recent,
                (SELECT e.description FROM camera_events e
                    WHERE e.camera_id = :camera AND e.occurred_at >= :since
                        AND e.occurred_at <= :until AND e.id <> :event
                        AND e.description IS NOT NULL
                    ORDER BY e.occurred_at DESC LIMIT 1) AS newest
            FROM camera_events
            WHERE camera_id = :camera AND occurred_at >= :since AND occurred_at <= :until
                AND id <> :event
            """)
        .param("camera", cameraId)
        .param("since", until.minus(RECENT))
        .param("until", until)
        .param("event", eventId)
        .query((rs, row) -> new Recent(rs.getLong("recent"), rs.getString("newest")))
        .single();
  }

  static String partOfDay(LocalTime time) {
    int hour = time.getHour();
    if (hour < 5) {
      return "night";
    }
    if (hour < 12) {
      return "morning";
    }
    if (hour < 17) {
      return "afternoon";
    }
    if (hour < 21) {
      return "evening";
    }
    return "night";
  }

  private static String quoted(String description) {
    String flat = description.replace('"', '\'').replaceAll("\\s+", " ").strip();
    return flat.length() <= MAX_QUOTED ? flat : flat.substring(0, MAX_QUOTED) + "…";
  }
}
