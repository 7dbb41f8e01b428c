package dev.argus.processor.sink;

import static dev.argus.processor.sink.SqlValues.text;
import static dev.argus.processor.sink.SqlValues.timestamp;

import dev.argus.contract.camera.ProtectControllerStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * The current {@code protect_controller_status} of each UniFi Protect controller, from the
 * compacted {@code argus.protect.status}: the newest {@code at} wins, like {@code camera_status},
 * so a replay or a late status changes nothing.
 */
final class ProtectStatusWriter {

  private static final String UPSERT_STATUS =
      """
      INSERT INTO protect_controller_status (controller_id, collector_id, state, reason, nvr_name,
          nvr_version, cameras_found, last_update_id, last_event_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (controller_id) DO UPDATE SET
          collector_id = excluded.collector_id,
          state = excluded.state,
          reason = excluded.reason,
          nvr_name = excluded.nvr_name,
          nvr_version = excluded.nvr_version,
          cameras_found = excluded.cameras_found,
          last_update_id = excluded.last_update_id,
          last_event_at = excluded.last_event_at,
          updated_at = excluded.updated_at
      WHERE excluded.updated_at >= protect_controller_status.updated_at
      """;

  private ProtectStatusWriter() {}

  /** One row per controller, the newest (see {@link NewestPerKey}). */
  static int upsert(Connection connection, List<ProtectControllerStatus> statuses)
      throws SQLException {
    return JdbcBatch.execute(
        connection,
        UPSERT_STATUS,
        NewestPerKey.of(
            statuses, ProtectControllerStatus::controllerId, ProtectControllerStatus::at),
        ProtectStatusWriter::bind);
  }

  private static void bind(PreparedStatement upsert, ProtectControllerStatus s)
      throws SQLException {
    upsert.setObject(1, UUID.fromString(s.controllerId()));
    upsert.setString(2, text(s.collectorId()));
    upsert.setString(3, text(s.state()));
    upsert.setString(4, text(s.reason()));
    upsert.setString(5, text(s.nvrName()));
    upsert.setString(6, text(s.nvrVersion()));
    upsert.setObject(7, s.camerasFound(), Types.INTEGER);
    upsert.setString(8, text(s.lastUpdateId()));
    upsert.setObject(9, timestamp(s.lastEventAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    upsert.setObject(10, timestamp(s.at()), Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
