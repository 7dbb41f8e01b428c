package dev.argus.api.protect;

import dev.argus.api.system.jdbc.Columns;
import dev.argus.api.system.jdbc.NamedRowRepository;
import dev.argus.contract.WireJson;
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
 * {@code protect_controllers}, written only here, read with its row of {@code
 * protect_controller_status} (the processor's); and the Argus cameras of a controller ({@code
 * cameras.protect_controller_id}).
 */
@Repository
class ProtectControllerRepository extends NamedRowRepository<StoredProtectController> {

  private static final TypeReference<LinkedHashMap<String, String>> STRINGS =
      new TypeReference<>() {};

  private static final String SELECT =
      """
      SELECT c.id, c.name, c.host, c.port, c.username, c.credentials::text AS credentials,
          c.verify_ssl, c.enabled, c.collector, c.created_at, c.updated_at,
          s.state, s.reason, s.collector_id, s.nvr_name, s.nvr_version, s.cameras_found,
          s.last_event_at, s.updated_at AS status_at
      FROM protect_controllers c LEFT JOIN protect_controller_status s ON s.controller_id = c.id
      """;

  ProtectControllerRepository(JdbcClient jdbc) {
    super(jdbc, SELECT, ProtectControllerRepository::controller, "argus:protect-names");
  }

  Optional<UUID> idOfName(String name, UUID except) {
    return jdbc.sql(
            "SELECT id FROM protect_controllers WHERE lower(name) = lower(:name) AND id <> :id"
                + " LIMIT 1")
        .param("name", name)
        .param("id", except)
        .query(UUID.class)
        .optional();
  }

  void insert(UUID id, ProtectControllerSettings settings, Map<String, String> credentials) {
    jdbc.sql(
            """
            INSERT INTO protect_controllers (id, name, host, port, username, credentials,
                verify_ssl, enabled, collector)
            VALUES (:id, :name, :host, :port, :username, CAST(:credentials AS jsonb), :verifySsl,
                :enabled, :collector)
            """)
        .params(columns(id, settings, credentials))
        .update();
  }

  void update(UUID id, ProtectControllerSettings settings, Map<String, String> credentials) {
    jdbc.sql(
            """
            UPDATE protect_controllers SET name = :name, host = :host, port = :port,
                username = :username, credentials = CAST(:credentials AS jsonb),
                verify_ssl = :verifySsl, enabled = :enabled, collector = :collector,
                updated_at = now()
            WHERE id = :id
            """)
        .params(columns(id, settings, credentials))
        .update();
  }

  void updateCredentials(UUID id, Map<String, String> credentials) {
    jdbc.sql(
            "UPDATE protect_controllers SET credentials = CAST(:credentials AS jsonb),"
                + " updated_at = now() WHERE id = :id")
        .param("id", id)
        .param("credentials", WireJson.MAPPER.writeValueAsString(credentials))
        .update();
  }

  boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM protect_controllers WHERE id = :id").param("id", id).update() > 0;
  }

  /** An Argus camera of a controller: its id, name and the controller's id of the camera. */
  record ArgusCamera(UUID id, String name, String protectCameraId) {}

  /** The Argus cameras (type protect) of the controller, by name. */
  List<ArgusCamera> cameras(UUID controllerId) {
    return jdbc.sql(
            "SELECT id, name, protect_camera_id FROM cameras WHERE protect_controller_id = :id"
                + " ORDER BY lower(name), id")
        .param("id", controllerId)
        .query(
            (rs, row) ->
                new ArgusCamera(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("protect_camera_id")))
        .list();
  }

  private static Map<String, Object> columns(
      UUID id, ProtectControllerSettings s, Map<String, String> credentials) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("id", id);
    columns.put("name", s.name());
    columns.put("host", s.host());
    columns.put("port", s.port());
    columns.put("username", s.username());
    columns.put("credentials", WireJson.MAPPER.writeValueAsString(credentials));
    columns.put("verifySsl", s.verifySsl());
    columns.put("enabled", s.enabled());
    columns.put("collector", s.collector());
    return columns;
  }

  private static StoredProtectController controller(ResultSet rs, int row) throws SQLException {
    ProtectControllerSettings settings =
        new ProtectControllerSettings(
            rs.getString("name"),
            rs.getString("host"),
            rs.getInt("port"),
            rs.getString("username"),
            rs.getBoolean("verify_ssl"),
            rs.getBoolean("enabled"),
            rs.getString("collector"));
    String state = rs.getString("state");
    ProtectController.Status status =
        state == null
            ? ProtectController.Status.unknown()
            : new ProtectController.Status(
                state,
                rs.getString("reason"),
                rs.getString("collector_id"),
                rs.getString("nvr_name"),
                rs.getString("nvr_version"),
                Columns.nullableInteger(rs, "cameras_found"),
                Columns.instant(rs, "last_event_at"),
                Columns.instant(rs, "status_at"));
    return new StoredProtectController(
        rs.getObject("id", UUID.class),
        settings,
        WireJson.MAPPER.readValue(rs.getString("credentials"), STRINGS),
        Columns.instant(rs, "created_at"),
        Columns.instant(rs, "updated_at"),
        status);
  }
}
