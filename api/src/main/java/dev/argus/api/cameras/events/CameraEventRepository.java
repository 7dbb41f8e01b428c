package dev.argus.api.cameras.events;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.paging.Page;
import dev.argus.api.system.paging.PagedQuery;
import dev.argus.contract.WireJson;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.RelativeBox;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The camera event tables the processor's sink writes; the api reads them and may delete an event
 * (with its frames and description history).
 */
@Repository
class CameraEventRepository {

  private static final TypeReference<List<DetectedObject>> OBJECTS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /** Rows fetched per round trip while exporting (a cursor: autocommit off, fetch size set). */
  private static final int EXPORT_FETCH_SIZE = 500;

  private static final String SUMMARY_COLUMNS =
      """
      e.id, e.camera_id, e.camera_name, e.occurred_at, e.detection_type, e.score, e.source,
      e.description, e.description_status, e.objects::text AS objects, e.provider, e.model,
      e.cost_usd, e.described_at, e.detector, e.detector_objects::text AS detector_objects,
      (SELECT count(*) FROM camera_event_frames f WHERE f.event_id = e.id) AS frame_count
      """;

  private final JdbcClient jdbc;
  private final PagedQuery pages;
  private final NamedParameterJdbcTemplate cursor;
  private final TransactionTemplate readOnly;

  CameraEventRepository(
      JdbcClient jdbc, PagedQuery pages, DataSource dataSource, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.pages = pages;
    JdbcTemplate streaming = new JdbcTemplate(dataSource);
    streaming.setFetchSize(EXPORT_FETCH_SIZE);
    this.cursor = new NamedParameterJdbcTemplate(streaming);
    TransactionTemplate template = new TransactionTemplate(transactions.getTransactionManager());
    template.setReadOnly(true);
    this.readOnly = template;
  }

  /** A page, newest first. */
  CameraEventPage page(CameraEventFilter filter, int page, int limit) {
    Map<String, Object> params = new HashMap<>();
    String fromWhere = "camera_events e" + filter.where(params);
    Page<CameraEventSummary> found =
        pages.fetch(
            SUMMARY_COLUMNS,
            fromWhere,
            "e.occurred_at DESC, e.id DESC",
            params,
            filter.any(),
            CameraEventRepository::summary,
            page,
            limit);
    return new CameraEventPage(
        found.items(),
        found.total(),
        page,
        limit,
        CameraEventPage.pages(found.total(), limit),
        found.totalIsEstimate());
  }

  Optional<CameraEventDetail> find(UUID id) {
    return jdbc.sql(
            """
            SELECT e.*, e.objects::text AS objects_json, e.box::text AS box_json,
                e.detector_objects::text AS detector_objects_json
            FROM camera_events e WHERE e.id = :id
            """)
        .param("id", id)
        .query((rs, row) -> detail(rs, frames(id), history(id)))
        .optional();
  }

  /** Deletes the event, its frames (the foreign key cascades) and its descriptions. */
  boolean delete(UUID id) {
    boolean deleted =
        jdbc.sql("DELETE FROM camera_events WHERE id = :id").param("id", id).update() > 0;
    if (deleted) {
      jdbc.sql("DELETE FROM camera_event_descriptions WHERE event_id = :id")
          .param("id", id)
          .update();
    }
    return deleted;
  }

  CameraEventStats stats(CameraEventFilter filter, String bucket) {
    Map<String, Object> params = new HashMap<>();
    String fromWhere = " FROM camera_events e" + filter.where(params);
    List<CameraEventStats.CameraCount> cameras =
        jdbc.sql(
                "SELECT e.camera_id, max(e.camera_name) AS camera_name, count(*) AS n"
                    + fromWhere
                    + " GROUP BY e.camera_id ORDER BY n DESC, e.camera_id")
            .params(params)
            .query(
                (rs, row) ->
                    new CameraEventStats.CameraCount(
                        rs.getObject("camera_id", UUID.class),
                        rs.getString("camera_name"),
                        rs.getLong("n")))
            .list();
    List<CameraEventStats.TypeCount> types =
        jdbc.sql(
                "SELECT e.detection_type, count(*) AS n"
                    + fromWhere
                    + " GROUP BY e.detection_type ORDER BY n DESC, e.detection_type")
            .params(params)
            .query(
                (rs, row) ->
                    new CameraEventStats.TypeCount(rs.getString("detection_type"), rs.getLong("n")))
            .list();
    // The bucket is one of two words checked by the controller, never the client's text.
    String truncated = "date_trunc('" + bucket + "', e.occurred_at AT TIME ZONE 'UTC')";
    List<CameraEventStats.TimeCount> times =
        jdbc.sql(
                "SELECT "
                    + truncated
                    + " AS bucket_start, count(*) AS n"
                    + fromWhere
                    + " GROUP BY bucket_start ORDER BY bucket_start")
            .params(params)
            .query(
                (rs, row) ->
                    new CameraEventStats.TimeCount(
                        rs.getObject("bucket_start", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getLong("n")))
            .list();
    long total = types.stream().mapToLong(CameraEventStats.TypeCount::count).sum();
    return new CameraEventStats(filter.start(), filter.end(), bucket, total, cameras, types, times);
  }

  /** The export's columns, in order. */
  static final List<String> EXPORT_COLUMNS =
      List.of(
          "id",
          "occurred_at",
          "camera_id",
          "camera_name",
          "detection_type",
          "score",
          "source",
          "description_status",
          "description",
          "objects",
          "provider",
          "model",
          "input_tokens",
          "output_tokens",
          "cost_usd",
          "ai_latency_ms",
          "described_at",
          "description_error",
          "frame_count");

  /**
   * Hands every matching event, oldest first, to {@code rows} as the values of {@link
   * #EXPORT_COLUMNS} (objects as their labels joined by {@code ;}), as it is read: the events are
   * never held in memory, whatever their number. Runs in a read-only transaction (the cursor needs
   * one).
   */
  void forEach(CameraEventFilter filter, Consumer<List<Object>> rows) {
    Map<String, Object> params = new HashMap<>();
    String sql =
        "SELECT "
            + SUMMARY_COLUMNS
            + ", e.input_tokens, e.output_tokens, e.ai_latency_ms, e.description_error"
            + " FROM camera_events e"
            + filter.where(params)
            + " ORDER BY e.occurred_at, e.id";
    readOnly.executeWithoutResult(
        tx -> {
          RowCallbackHandler each = rs -> rows.accept(exportRow(rs));
          cursor.query(sql, params, each);
        });
  }

  private static List<Object> exportRow(ResultSet rs) throws SQLException {
    CameraEventSummary event = summary(rs, 0);
    return java.util.Arrays.asList(
        event.id(),
        event.occurredAt() == null ? null : event.occurredAt().toString(),
        event.cameraId(),
        event.cameraName(),
        event.detectionType(),
        event.score(),
        event.source(),
        event.descriptionStatus(),
        event.description(),
        String.join(";", event.objects().stream().map(CameraEventObject::label).toList()),
        event.provider(),
        event.model(),
        Columns.nullableInteger(rs, "input_tokens"),
        Columns.nullableInteger(rs, "output_tokens"),
        event.costUsd(),
        rs.getObject("ai_latency_ms", Long.class),
        event.describedAt() == null ? null : event.describedAt().toString(),
        rs.getString("description_error"),
        event.frameCount());
  }

  private List<CameraEventDetail.Frame> frames(UUID id) {
    return jdbc.sql(
            """
            SELECT frame_index, captured_at, width, height, jpeg FROM camera_event_frames
            WHERE event_id = :id ORDER BY frame_index
            """)
        .param("id", id)
        .query(
            (rs, row) -> {
              byte[] jpeg = rs.getBytes("jpeg");
              return new CameraEventDetail.Frame(
                  rs.getInt("frame_index"),
                  Columns.instant(rs, "captured_at"),
                  rs.getInt("width"),
                  rs.getInt("height"),
                  jpeg.length,
                  Base64.getEncoder().encodeToString(jpeg));
            })
        .list();
  }

  private List<CameraEventDetail.Description> history(UUID id) {
    return jdbc.sql(
            """
            SELECT id, described_at, outcome, description, detection_type, objects::text AS objects,
                provider, model, input_tokens, output_tokens, cost_usd, latency_ms,
                attempts::text AS attempts, error, reanalysis
            FROM camera_event_descriptions WHERE event_id = :id ORDER BY described_at, id
            """)
        .param("id", id)
        .query(
            (rs, row) ->
                new CameraEventDetail.Description(
                    rs.getObject("id", UUID.class),
                    Columns.instant(rs, "described_at"),
                    rs.getString("outcome"),
                    rs.getString("description"),
                    rs.getString("detection_type"),
                    objects(rs.getString("objects")),
                    rs.getString("provider"),
                    rs.getString("model"),
                    Columns.nullableInteger(rs, "input_tokens"),
                    Columns.nullableInteger(rs, "output_tokens"),
                    money(rs, "cost_usd"),
                    rs.getObject("latency_ms", Long.class),
                    rs.getString("attempts") == null
                        ? List.of()
                        : WireJson.MAPPER.readValue(rs.getString("attempts"), STRINGS),
                    rs.getString("error"),
                    rs.getBoolean("reanalysis")))
        .list();
  }

  private static CameraEventSummary summary(ResultSet rs, int row) throws SQLException {
    return new CameraEventSummary(
        rs.getObject("id", UUID.class),
        rs.getObject("camera_id", UUID.class),
        rs.getString("camera_name"),
        Columns.instant(rs, "occurred_at"),
        rs.getString("detection_type"),
        Columns.nullableDouble(rs, "score"),
        rs.getString("source"),
        rs.getString("description"),
        rs.getString("description_status"),
        objects(rs.getString("objects")),
        rs.getString("detector"),
        objects(rs.getString("detector_objects")),
        rs.getString("provider"),
        rs.getString("model"),
        money(rs, "cost_usd"),
        Columns.instant(rs, "described_at"),
        rs.getInt("frame_count"));
  }

  private static CameraEventDetail detail(
      ResultSet rs,
      List<CameraEventDetail.Frame> frames,
      List<CameraEventDetail.Description> history)
      throws SQLException {
    Instant occurred = Columns.instant(rs, "occurred_at");
    Instant described = Columns.instant(rs, "described_at");
    byte[] thumbnail = rs.getBytes("thumbnail");
    String box = rs.getString("box_json");
    RelativeBox motion = box == null ? null : WireJson.MAPPER.readValue(box, RelativeBox.class);
    return new CameraEventDetail(
        rs.getObject("id", UUID.class),
        rs.getString("reading_id"),
        rs.getObject("camera_id", UUID.class),
        rs.getString("camera_name"),
        occurred,
        rs.getString("detection_type"),
        Columns.nullableDouble(rs, "score"),
        motion == null
            ? null
            : new CameraEventObject.Box(motion.x(), motion.y(), motion.width(), motion.height()),
        rs.getString("source"),
        rs.getString("analysis_mode"),
        thumbnail == null ? null : Base64.getEncoder().encodeToString(thumbnail),
        frames,
        rs.getString("description"),
        rs.getString("description_status"),
        rs.getString("description_error"),
        objects(rs.getString("objects_json")),
        rs.getString("detector"),
        objects(rs.getString("detector_objects_json")),
        rs.getString("provider"),
        rs.getString("model"),
        Columns.nullableInteger(rs, "input_tokens"),
        Columns.nullableInteger(rs, "output_tokens"),
        money(rs, "cost_usd"),
        new CameraEventDetail.Timings(
            occurred,
            Columns.instant(rs, "created_at"),
            described,
            rs.getObject("ai_latency_ms", Long.class),
            described == null ? null : Duration.between(occurred, described).toMillis()),
        history);
  }

  private static List<CameraEventObject> objects(String json) {
    if (json == null) {
      return List.of();
    }
    return WireJson.MAPPER.readValue(json, OBJECTS).stream().map(CameraEventObject::of).toList();
  }

  private static Double money(ResultSet rs, String column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.doubleValue();
  }
}
