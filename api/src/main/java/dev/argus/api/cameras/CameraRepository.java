package dev.argus.api.cameras;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.jdbc.NamedRowRepository;
import dev.argus.contract.WireJson;
import dev.argus.contract.camera.DetectionSchedule;
import dev.argus.contract.camera.DetectionZone;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * {@code cameras}, written only here, read with the newest row of {@code camera_status} (the
 * processor's).
 */
@Repository
class CameraRepository extends NamedRowRepository<StoredCamera> {

  private static final TypeReference<LinkedHashMap<String, String>> STRINGS =
      new TypeReference<>() {};
  private static final TypeReference<List<DetectionZone>> ZONES = new TypeReference<>() {};

  private static final String SELECT =
      """
      SELECT c.id, c.name, c.type, c.enabled, c.started, c.rtsp_url, c.transport, c.url,
          c.snapshot_interval_seconds, c.device_path, c.username, c.credentials::text AS credentials,
          c.analysis_fps, c.motion_sensitivity, c.motion_cooldown_seconds, c.zones::text AS zones,
          c.schedule::text AS schedule, c.analysis_mode, c.frame_count, c.smart_detection_types,
          c.prompt_override, c.collector, c.protect_controller_id, c.protect_camera_id,
          c.created_at, c.updated_at,
          s.state, s.reason, s.fps, s.width, s.height, s.codec, s.collector_id,
          s.updated_at AS status_at
      FROM cameras c LEFT JOIN camera_status s ON s.camera_id = c.id
      """;

  CameraRepository(JdbcClient jdbc) {
    super(jdbc, SELECT, CameraRepository::camera, "argus:camera-names");
  }

  /** Another camera with this name (case-insensitive), if any. */
  Optional<UUID> idOfName(String name, UUID except) {
    return jdbc.sql("SELECT id FROM cameras WHERE lower(name) = lower(:name) AND id <> :id LIMIT 1")
        .param("name", name)
        .param("id", except)
        .query(UUID.class)
        .optional();
  }

  /** Whether a Protect controller with this id exists ({@code protect_controllers}). */
  boolean protectControllerExists(UUID id) {
    return jdbc.sql("SELECT count(*) FROM protect_controllers WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Another camera of this Protect controller's camera, if any. */
  Optional<UUID> idOfProtectCamera(UUID controllerId, String protectCameraId, UUID except) {
    return jdbc.sql(
            "SELECT id FROM cameras WHERE protect_controller_id = :controller"
                + " AND protect_camera_id = :camera AND id <> :id LIMIT 1")
        .param("controller", controllerId)
        .param("camera", protectCameraId)
        .param("id", except)
        .query(UUID.class)
        .optional();
  }

  void insert(UUID id, CameraSettings settings, Map<String, String> credentials) {
    jdbc.sql(
            """
            INSERT INTO cameras (id, name, type, enabled, started, rtsp_url, transport, url,
                snapshot_interval_seconds, device_path, username, credentials, analysis_fps,
                motion_sensitivity, motion_cooldown_seconds, zones, schedule, analysis_mode,
                frame_count, smart_detection_types, prompt_override, collector,
                protect_controller_id, protect_camera_id)
            VALUES (:id, :name, :type, :enabled, true, :rtspUrl, :transport, :url, :interval,
                :devicePath, :username, CAST(:credentials AS jsonb), :fps, :sensitivity, :cooldown,
                CAST(:zones AS jsonb), CAST(:schedule AS jsonb), :mode, :frames, :smart, :prompt,
                :collector, :protectController, :protectCamera)
            """)
        .params(columns(id, settings, credentials))
        .update();
  }

  void update(UUID id, CameraSettings settings, Map<String, String> credentials) {
    jdbc.sql(
            """
            UPDATE cameras SET name = :name, type = :type, enabled = :enabled,
                rtsp_url = :rtspUrl, transport = :transport, url = :url,
                snapshot_interval_seconds = :interval, device_path = :devicePath,
                username = :username, credentials = CAST(:credentials AS jsonb),
                analysis_fps = :fps, motion_sensitivity = :sensitivity,
                motion_cooldown_seconds = :cooldown, zones = CAST(:zones AS jsonb),
                schedule = CAST(:schedule AS jsonb), analysis_mode = :mode,
                frame_count = :frames, smart_detection_types = :smart,
                prompt_override = :prompt, collector = :collector,
                protect_controller_id = :protectController, protect_camera_id = :protectCamera,
                updated_at = now()
            WHERE id = :id
            """)
        .params(columns(id, settings, credentials))
        .update();
  }

  void updateCredentials(UUID id, Map<String, String> credentials) {
    jdbc.sql(
            "UPDATE cameras SET credentials = CAST(:credentials AS jsonb), updated_at = now()"
                + " WHERE id = :id")
        .param("id", id)
        .param("credentials", WireJson.MAPPER.writeValueAsString(credentials))
        .update();
  }

  /** Sets {@code started}; false when there is no such camera. */
  boolean setStarted(UUID id, boolean started) {
    return jdbc.sql("UPDATE cameras SET started = :started, updated_at = now() WHERE id = :id")
            .param("id", id)
            .param("started", started)
            .update()
        > 0;
  }

  boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM cameras WHERE id = :id").param("id", id).update() > 0;
  }

  private static Map<String, Object> columns(
      UUID id, CameraSettings s, Map<String, String> credentials) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("id", id);
    columns.put("name", s.name());
    columns.put("type", s.type());
    columns.put("enabled", s.enabled());
    columns.put("rtspUrl", s.rtspUrl());
    columns.put("transport", s.transport());
    columns.put("url", s.url());
    columns.put("interval", s.snapshotIntervalSeconds());
    columns.put("devicePath", s.devicePath());
    columns.put("username", s.username());
    columns.put("credentials", WireJson.MAPPER.writeValueAsString(credentials));
    columns.put("fps", s.analysisFps());
    columns.put("sensitivity", s.motionSensitivity());
    columns.put("cooldown", s.motionCooldownSeconds());
    columns.put("zones", WireJson.MAPPER.writeValueAsString(s.zones()));
    columns.put(
        "schedule", s.schedule() == null ? null : WireJson.MAPPER.writeValueAsString(s.schedule()));
    columns.put("mode", s.analysisMode());
    columns.put("frames", s.frameCount());
    columns.put("smart", s.smartDetectionTypes().toArray(String[]::new));
    columns.put("prompt", s.promptOverride());
    columns.put("collector", s.collector());
    columns.put("protectController", s.protectControllerId());
    columns.put("protectCamera", s.protectCameraId());
    return columns;
  }

  private static StoredCamera camera(ResultSet rs, int row) throws SQLException {
    String schedule = rs.getString("schedule");
    Array smart = rs.getArray("smart_detection_types");
    CameraSettings settings =
        new CameraSettings(
            rs.getString("name"),
            rs.getString("type"),
            rs.getBoolean("enabled"),
            rs.getString("rtsp_url"),
            rs.getString("transport"),
            rs.getString("url"),
            rs.getInt("snapshot_interval_seconds"),
            rs.getString("device_path"),
            rs.getString("username"),
            rs.getDouble("analysis_fps"),
            rs.getString("motion_sensitivity"),
            rs.getInt("motion_cooldown_seconds"),
            WireJson.MAPPER.readValue(rs.getString("zones"), ZONES),
            schedule == null ? null : WireJson.MAPPER.readValue(schedule, DetectionSchedule.class),
            rs.getString("analysis_mode"),
            rs.getInt("frame_count"),
            smart == null ? List.of() : List.of((String[]) smart.getArray()),
            rs.getString("prompt_override"),
            rs.getString("collector"),
            rs.getObject("protect_controller_id", UUID.class),
            rs.getString("protect_camera_id"));
    return new StoredCamera(
        rs.getObject("id", UUID.class),
        settings,
        rs.getBoolean("started"),
        WireJson.MAPPER.readValue(rs.getString("credentials"), STRINGS),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "updated_at"),
        status(rs));
  }

  private static Camera.Status status(ResultSet rs) throws SQLException {
    String state = rs.getString("state");
    if (state == null) {
      return null;
    }
    Integer width = Columns.nullableInteger(rs, "width");
    Integer height = Columns.nullableInteger(rs, "height");
    return new Camera.Status(
        state,
        rs.getString("reason"),
        Columns.nullableDouble(rs, "fps"),
        width == null || height == null ? null : width + "x" + height,
        rs.getString("codec"),
        rs.getString("collector_id"),
        Columns.instant(rs, "status_at"));
  }
}
