package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;
import static dev.argus.processor.sink.SqlValues.withoutNulChars;

import dev.argus.contract.WireJson;
import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.EventDescription;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Cameras as rows: the current {@code camera_status} of each camera (newest {@code at} wins);
 * events in {@code camera_events} with their frames in {@code camera_event_frames} (insert-only on
 * the event id, which is named after the reading, so a replay adds nothing); every description in
 * the history {@code camera_event_descriptions} (insert-only on its id) and the newest of each
 * event in the event's own description columns.
 *
 * <p>A description travels on its own topic and may be stored before its event, so there is no
 * foreign key between them. Both orders end alike: after the batch's descriptions and events are
 * inserted, every event the batch touched takes the newest description of its history (newest
 * {@code described_at}, then the greater id), whichever arrived first, and a replay or a late older
 * description changes nothing. Its {@code detection_type} becomes that of the newest description
 * that {@code described} it; a failed or paused re-analysis keeps the type the event has. An event
 * a detector typed ({@code detector} set: the collector's CPU detector or a Protect controller)
 * keeps its own type: the detector's objects are in {@code detector_objects}, the description's in
 * {@code objects}.
 */
final class CameraWriter {

  private static final String UPSERT_STATUS =
      """
      INSERT INTO camera_status (camera_id, camera_name, collector_id, state, reason, fps, width,
          height, codec, updated_at, detector)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (camera_id) DO UPDATE SET
          camera_name = excluded.camera_name,
          collector_id = excluded.collector_id,
          state = excluded.state,
          reason = excluded.reason,
          fps = excluded.fps,
          width = excluded.width,
          height = excluded.height,
          codec = excluded.codec,
          updated_at = excluded.updated_at,
          detector = excluded.detector
      WHERE excluded.updated_at >= camera_status.updated_at
      """;

  private static final String INSERT_EVENT =
      """
      INSERT INTO camera_events (id, reading_id, camera_id, camera_name, occurred_at, source,
          detection_type, score, box, analysis_mode, thumbnail, detector_objects, detector)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private static final String INSERT_FRAME =
      """
      INSERT INTO camera_event_frames (event_id, frame_index, captured_at, width, height, jpeg)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (event_id, frame_index) DO NOTHING
      """;

  private static final String INSERT_DESCRIPTION =
      """
      INSERT INTO camera_event_descriptions (id, event_id, described_at, outcome, description,
          detection_type, objects, provider, model, input_tokens, output_tokens, cost_usd,
          latency_ms, attempts, error, prompt, reanalysis)
      VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  /** The events' current description columns from the newest description in their history. */
  private static final String TAKE_NEWEST_DESCRIPTION =
      """
      UPDATE camera_events e SET
          description = d.description,
          objects = d.objects,
          description_status = d.outcome,
          description_id = d.id,
          provider = d.provider,
          model = d.model,
          input_tokens = d.input_tokens,
          output_tokens = d.output_tokens,
          cost_usd = d.cost_usd,
          ai_latency_ms = d.latency_ms,
          description_error = d.error,
          described_at = d.described_at,
          detection_type = CASE WHEN e.detector IS NULL
              THEN COALESCE(d.described_type, e.detection_type) ELSE e.detection_type END
      FROM (
          SELECT DISTINCT ON (h.event_id) h.*,
              (SELECT t.detection_type FROM camera_event_descriptions t
                WHERE t.event_id = h.event_id AND t.outcome = 'described'
                  AND t.detection_type IS NOT NULL
                ORDER BY t.described_at DESC, t.id DESC LIMIT 1) AS described_type
          FROM camera_event_descriptions h
          WHERE h.event_id = ANY (?)
          ORDER BY h.event_id, h.described_at DESC, h.id DESC
      ) d
      WHERE e.id = d.event_id
        -- A replay finds every row as it was: leave it unwritten.
        AND (e.description_id IS DISTINCT FROM d.id
          OR (e.detector IS NULL
            AND e.detection_type IS DISTINCT FROM COALESCE(d.described_type, e.detection_type)))
      """;

  private CameraWriter() {}

  /** One row per camera, the newest (see {@link NewestPerKey}). */
  static int upsertStatuses(Connection connection, List<CameraStatus> statuses)
      throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_STATUS,
        NewestPerKey.of(statuses, CameraStatus::cameraId, CameraStatus::at),
        CameraWriter::bind);
  }

  /** The descriptions into the history; then {@link #takeNewestDescriptions}. */
  static int insertDescriptions(Connection connection, List<EventDescription> descriptions)
      throws SQLException {
    return JdbcBatch.execute(connection, INSERT_DESCRIPTION, descriptions, CameraWriter::bind);
  }

  /** The events and their frames; then {@link #takeNewestDescriptions}. */
  static int insertEvents(Connection connection, List<CameraEvent> events) throws SQLException {
    List<FrameRow> frames = new ArrayList<>();
    for (CameraEvent event : events) {
      for (int index = 0; index < event.frames().size(); index++) {
        frames.add(new FrameRow(event, index, event.frames().get(index)));
      }
    }
    return JdbcBatch.execute(connection, INSERT_EVENT, events, CameraWriter::bind)
        + JdbcBatch.execute(connection, INSERT_FRAME, frames, CameraWriter::bind);
  }

  /**
   * Sets the description columns of every event of the batch (its events, and those its
   * descriptions are about) from the newest description in the history; an event without one, or
   * not stored yet, is left as it is.
   *
   * @return the events looked at
   */
  static int takeNewestDescriptions(
      Connection connection, List<CameraEvent> events, List<EventDescription> descriptions)
      throws SQLException {
    if (descriptions.isEmpty() && events.isEmpty()) {
      return 0;
    }
    // Sorted, so concurrent sinks lock the rows in the same order.
    TreeSet<UUID> eventIds = new TreeSet<>();
    events.forEach(e -> eventIds.add(UUID.fromString(e.eventId())));
    descriptions.forEach(d -> eventIds.add(UUID.fromString(d.eventId())));
    Array ids = connection.createArrayOf("uuid", eventIds.toArray());
    try (PreparedStatement update = connection.prepareStatement(TAKE_NEWEST_DESCRIPTION)) {
      update.setArray(1, ids);
      update.executeUpdate();
    } finally {
      ids.free();
    }
    return eventIds.size();
  }

  /** A frame with its place in its event. */
  private record FrameRow(CameraEvent event, int index, CapturedFrame frame) {}

  private static void bind(PreparedStatement upsert, CameraStatus s) throws SQLException {
    upsert.setObject(1, UUID.fromString(s.cameraId()));
    upsert.setString(2, text(s.cameraName()));
    upsert.setString(3, text(s.collectorId()));
    upsert.setString(4, text(s.state()));
    upsert.setString(5, text(s.reason()));
    upsert.setObject(6, s.fps(), Types.DOUBLE);
    upsert.setObject(7, s.width(), Types.INTEGER);
    upsert.setObject(8, s.height(), Types.INTEGER);
    upsert.setString(9, text(s.codec()));
    upsert.setObject(10, timestamp(s.at()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setString(11, text(s.detector()));
  }

  private static void bind(PreparedStatement insert, CameraEvent e) throws SQLException {
    insert.setObject(1, UUID.fromString(e.eventId()));
    insert.setString(2, text(e.readingId()));
    insert.setObject(3, UUID.fromString(e.cameraId()));
    insert.setString(4, text(e.cameraName()));
    insert.setObject(5, timestamp(e.occurredAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setString(6, text(e.source()));
    insert.setString(7, e.detectionType() == null ? "motion" : text(e.detectionType()));
    insert.setDouble(8, e.score());
    insert.setString(9, e.box() == null ? null : WireJson.MAPPER.writeValueAsString(e.box()));
    insert.setString(10, text(e.analysisMode()));
    insert.setBytes(11, e.thumbnail());
    insert.setString(12, json(e.objects()));
    insert.setString(13, text(e.detector()));
  }

  private static void bind(PreparedStatement insert, FrameRow row) throws SQLException {
    CapturedFrame frame = row.frame();
    // A frame without its own time is stored at the event's.
    Instant capturedAt = frame.capturedAt() != null ? frame.capturedAt() : row.event().occurredAt();
    insert.setObject(1, UUID.fromString(row.event().eventId()));
    insert.setInt(2, row.index());
    insert.setObject(3, timestamp(capturedAt), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setInt(4, frame.width());
    insert.setInt(5, frame.height());
    insert.setBytes(6, frame.jpeg());
  }

  private static void bind(PreparedStatement insert, EventDescription d) throws SQLException {
    insert.setObject(1, UUID.fromString(d.descriptionId()));
    insert.setObject(2, UUID.fromString(d.eventId()));
    insert.setObject(3, timestamp(d.describedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    insert.setString(4, d.outcome());
    insert.setString(5, text(d.description()));
    insert.setString(6, text(d.detectionType()));
    insert.setString(7, json(d.objects()));
    insert.setString(8, text(d.provider()));
    insert.setString(9, text(d.model()));
    insert.setObject(10, d.inputTokens(), Types.INTEGER);
    insert.setObject(11, d.outputTokens(), Types.INTEGER);
    insert.setObject(
        12, d.costUsd() == null ? null : BigDecimal.valueOf(d.costUsd()), Types.NUMERIC);
    insert.setObject(13, d.latencyMs(), Types.BIGINT);
    insert.setString(14, json(d.attempts()));
    insert.setString(15, text(d.error()));
    insert.setString(16, text(d.prompt()));
    insert.setBoolean(17, d.reanalysis());
  }

  private static String json(List<?> values) {
    return WireJson.MAPPER.writeValueAsString(
        withoutNulChars(WireJson.MAPPER.convertValue(values, List.class)));
  }
}
