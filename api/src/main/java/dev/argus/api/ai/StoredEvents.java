package dev.argus.api.ai;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.contract.WireJson;
import dev.argus.contract.camera.DetectedObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Reads a camera event and its frames ({@code camera_events}, {@code camera_event_frames}). */
@Repository
class StoredEvents {

  private static final TypeReference<List<DetectedObject>> OBJECTS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  StoredEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredEvent> find(UUID id) {
    List<byte[]> frames =
        jdbc.sql("SELECT jpeg FROM camera_event_frames WHERE event_id = :id ORDER BY frame_index")
            .param("id", id)
            .query((rs, row) -> rs.getBytes("jpeg"))
            .list();
    return jdbc.sql(
            """
            SELECT e.id, e.camera_id, e.camera_name, e.occurred_at, e.thumbnail,
                c.prompt_override, e.detector, e.detector_objects::text AS detector_objects
            FROM camera_events e LEFT JOIN cameras c ON c.id = e.camera_id
            WHERE e.id = :id
            """)
        .param("id", id)
        .query(
            (rs, row) ->
                new StoredEvent(
                    rs.getObject("id", UUID.class),
                    rs.getObject("camera_id", UUID.class),
                    rs.getString("camera_name"),
                    Columns.instant(rs, "occurred_at"),
                    frames,
                    rs.getBytes("thumbnail"),
                    rs.getString("prompt_override"),
                    rs.getString("detector"),
                    WireJson.MAPPER.readValue(rs.getString("detector_objects"), OBJECTS)))
        .optional();
  }
}
