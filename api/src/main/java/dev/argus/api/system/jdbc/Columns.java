package dev.argus.api.system.jdbc;

import dev.argus.contract.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** Reads the column types of the telemetry tables that JDBC has no one-call getter for. */
public final class Columns {

  private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT =
      new TypeReference<>() {};

  private Columns() {}

  /** A {@code timestamptz} column as an instant, or null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A nullable {@code double precision} column (getDouble would turn NULL into 0.0). */
  public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, Double.class);
  }

  /** A nullable {@code integer} column. */
  public static Integer nullableInteger(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, Integer.class);
  }

  /** A {@code jsonb} object column as a map, parsed with the wire mapping the sink writes with. */
  public static Map<String, Object> jsonObject(ResultSet rs, String column) throws SQLException {
    String json = rs.getString(column);
    return json == null ? new LinkedHashMap<>() : WireJson.MAPPER.readValue(json, JSON_OBJECT);
  }
}
