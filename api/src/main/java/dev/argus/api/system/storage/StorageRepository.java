package dev.argus.api.system.storage;

import dev.argus.api.system.storage.StorageReport.CameraFrames;
import dev.argus.api.system.storage.StorageReport.FrameStorage;
import dev.argus.api.system.storage.StorageReport.RetentionPreview;
import dev.argus.api.system.storage.StorageReport.TableSize;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sizes from PostgreSQL's catalog (estimates and relation sizes, no table scans) and the frame
 * bytes from the frames' own lengths ({@code octet_length} of a stored bytea reads its header, not
 * the bytes).
 */
@Repository
class StorageRepository {

  private final JdbcTemplate jdbc;

  StorageRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long databaseBytes() {
    Long bytes = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
    return bytes == null ? 0 : bytes;
  }

  /** Every ordinary or partitioned table of the api's schema, largest first. */
  List<TableSize> tables() {
    Map<String, TableSize> tables = new LinkedHashMap<>();
    jdbc.query(
        "SELECT c.relname, greatest(c.reltuples, 0)::bigint AS rows_estimate,"
            + " pg_total_relation_size(c.oid) AS bytes FROM pg_class c"
            + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')",
        rs -> {
          String name = rs.getString("relname");
          tables.put(name, new TableSize(name, rs.getLong("rows_estimate"), rs.getLong("bytes")));
        });
    hypertables().forEach(tables::put);
    List<TableSize> sorted = new ArrayList<>(tables.values());
    sorted.sort(
        Comparator.comparingLong(TableSize::bytes).reversed().thenComparing(TableSize::name));
    return sorted;
  }

  /**
   * A TimescaleDB hypertable keeps its rows in chunk tables of another schema, so its own relation
   * is nearly empty: its size and rows are TimescaleDB's sums over the chunks. None without the
   * extension.
   */
  private Map<String, TableSize> hypertables() {
    Map<String, TableSize> sizes = new LinkedHashMap<>();
    Boolean timescale =
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')",
            Boolean.class);
    if (!Boolean.TRUE.equals(timescale)) {
      return sizes;
    }
    jdbc.query(
        "SELECT h.hypertable_name AS name,"
            + " hypertable_size(format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass)"
            + " AS bytes,"
            + " approximate_row_count(format('%I.%I', h.hypertable_schema,"
            + " h.hypertable_name)::regclass) AS rows_estimate"
            + " FROM timescaledb_information.hypertables h"
            + " WHERE h.hypertable_schema = current_schema()",
        rs -> {
          String name = rs.getString("name");
          sizes.put(name, new TableSize(name, rs.getLong("rows_estimate"), rs.getLong("bytes")));
        });
    return sizes;
  }

  FrameStorage frames() {
    List<CameraFrames> cameras =
        jdbc.query(
            "SELECT e.camera_id::text AS camera_id,"
                + " (array_agg(e.camera_name ORDER BY e.occurred_at DESC))[1] AS camera_name,"
                + " count(*) AS events, coalesce(sum(f.frames), 0) AS frame_count,"
                + " coalesce(sum(f.bytes), 0) AS frame_bytes,"
                + " coalesce(sum(octet_length(e.thumbnail)), 0) AS thumbnail_bytes"
                + " FROM camera_events e LEFT JOIN (SELECT event_id, count(*) AS frames,"
                + " sum(octet_length(jpeg)) AS bytes FROM camera_event_frames GROUP BY event_id) f"
                + " ON f.event_id = e.id GROUP BY e.camera_id ORDER BY frame_bytes DESC, camera_id",
            (rs, n) ->
                new CameraFrames(
                    rs.getString("camera_id"),
                    rs.getString("camera_name"),
                    rs.getLong("events"),
                    rs.getLong("frame_count"),
                    rs.getLong("frame_bytes"),
                    rs.getLong("thumbnail_bytes")));
    return new FrameStorage(
        cameras.stream().mapToLong(CameraFrames::frameCount).sum(),
        cameras.stream().mapToLong(CameraFrames::frameBytes).sum(),
        cameras.stream().mapToLong(CameraFrames::thumbnailBytes).sum(),
        cameras);
  }

  /** The events older than the retention now, measured with the database's clock like the sink. */
  RetentionPreview retention() {
    return jdbc.queryForObject(
        "WITH s AS (SELECT event_retention_days AS days,"
            + " now() - make_interval(days => event_retention_days) AS cutoff"
            + " FROM camera_settings WHERE id = 1),"
            + " old AS (SELECT e.id, octet_length(e.thumbnail) AS thumbnail FROM camera_events e,"
            + " s WHERE e.occurred_at < s.cutoff)"
            + " SELECT s.days, s.cutoff, (SELECT count(*) FROM old) AS events,"
            + " (SELECT count(*) FROM camera_event_frames f JOIN old ON old.id = f.event_id)"
            + " AS frames,"
            + " (SELECT coalesce(sum(octet_length(f.jpeg)), 0) FROM camera_event_frames f"
            + " JOIN old ON old.id = f.event_id)"
            + " + (SELECT coalesce(sum(thumbnail), 0) FROM old) AS bytes FROM s",
        (rs, n) -> {
          Timestamp cutoff = rs.getTimestamp("cutoff");
          return new RetentionPreview(
              rs.getInt("days"),
              cutoff.toInstant(),
              rs.getLong("events"),
              rs.getLong("frames"),
              rs.getLong("bytes"));
        });
  }
}
