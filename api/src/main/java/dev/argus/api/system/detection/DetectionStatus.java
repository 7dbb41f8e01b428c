package dev.argus.api.system.detection;

import dev.argus.contract.camera.DetectionTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@link DetectionSummary} from {@code cameras} and {@code camera_status}. */
@Component
public class DetectionStatus {

  private final JdbcClient jdbc;

  DetectionStatus(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The summary now; a database failure is the caller's to handle. */
  public DetectionSummary current() {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE c.type <> 'protect' AND s.detector = :centernet)
                    AS with_detector,
                count(*) FILTER (WHERE c.type <> 'protect'
                    AND (s.detector IS NULL OR s.detector <> :centernet)) AS typed_by_ai,
                count(*) FILTER (WHERE c.type = 'protect') AS protect
            FROM cameras c LEFT JOIN camera_status s ON s.camera_id = c.id
            """)
        .param("centernet", DetectionTypes.DETECTOR_CENTERNET)
        .query(
            (rs, row) ->
                DetectionSummary.of(
                    rs.getLong("with_detector"), rs.getLong("typed_by_ai"), rs.getLong("protect")))
        .single();
  }
}
