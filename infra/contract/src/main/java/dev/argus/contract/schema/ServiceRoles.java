package dev.argus.contract.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The PostgreSQL roles the services log in with, each holding only the rights it needs, and the one
 * place that says which rights those are. The owner of the schema (who runs the migrations) applies
 * them after migrating, on every start, so that a table added by a later migration is covered too.
 *
 * <ul>
 *   <li>the api reads everything but writes only what it owns: keys and rate-limit state, users and
 *       their sessions, devices, targets, runtime and alert settings, the config outbox,
 *       manual-poll triggers, alert deliveries — never telemetry;
 *   <li>the processor, the only writer of telemetry, reads and writes the telemetry tables and
 *       touches nothing else: no keys, no settings, no secrets;
 *   <li>a reader (Grafana) may only read telemetry.
 * </ul>
 */
public final class ServiceRoles {

  /** Telemetry, written by the processor's sink alone. */
  public static final List<String> TELEMETRY_TABLES =
      List.of(
          "power_snapshots",
          "power_events",
          "collector_status",
          "energy_totals",
          "energy_daily",
          "probe_results",
          "target_status",
          "target_events",
          "pdu_outlet_readings",
          "llm_probe_results",
          "llm_model_status",
          "llm_benchmark_results",
          "llm_benchmark_progress",
          "llm_benchmark_statistics",
          "llm_alerts",
          "camera_status",
          "camera_events",
          "camera_event_frames",
          "camera_event_descriptions",
          "protect_controller_status");

  /** Configuration and state the api owns (devices are shared: the sink keeps last_seen). */
  public static final List<String> API_TABLES =
      List.of(
          "api_keys",
          "rate_limit_hits",
          "devices",
          "runtime_config",
          "config_outbox",
          "poll_triggers",
          "targets",
          "alert_config",
          "alert_deliveries",
          "alert_cooldowns",
          "llm_providers",
          "llm_models",
          "llm_monitoring_config",
          "llm_monitoring_runs",
          "llm_benchmark_runs",
          "llm_alert_rules",
          "cameras",
          "camera_settings",
          "ai_usage",
          "protect_controllers",
          "users",
          "spring_session",
          "spring_session_attributes");

  /**
   * The columns of {@code devices} the sink reads and writes (what a device says about itself and
   * when it was last seen): not {@code connection_config}, where the device's credentials are.
   */
  static final String DEVICE_COLUMNS_OF_THE_SINK =
      "id, name, type, poller, host, port, model, firmware, serial, manufacturer, last_seen,"
          + " updated_at";

  /** The columns of {@code devices} a telemetry reader may see. */
  static final String DEVICE_COLUMNS_TO_READ = DEVICE_COLUMNS_OF_THE_SINK + ", enabled, created_at";

  private static final String ALERT_ACKNOWLEDGEMENT = "acknowledged, acknowledged_at";

  private static final String MIGRATION_HISTORY = "flyway_schema_history";
  private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /**
   * A login role; the password may be empty where the server trusts local connections.
   *
   * @param name a plain lower-case SQL identifier
   */
  public record Login(String name, String password) {
    public Login {
      if (name == null || !ROLE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a database role name must be a lower-case identifier ([a-z_][a-z0-9_]*), not '"
                + name
                + "'");
      }
      password = password == null ? "" : password;
    }

    @Override
    public String toString() {
      return "Login[" + name + "]";
    }
  }

  /**
   * @param telemetryReader may be null: no read-only role is made
   */
  public record Logins(Login api, Login processor, Login telemetryReader) {}

  private ServiceRoles() {}

  /**
   * Creates the roles that do not exist, sets their passwords and grants exactly the rights above,
   * revoking anything else they held on the schema's tables. Run as the schema's owner, after
   * {@link ArgusSchema#migrate}.
   */
  public static void apply(DataSource owner, Logins logins) throws SQLException {
    try (Connection c = owner.getConnection();
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      String database = c.getCatalog();
      for (Login login : loginsOf(logins)) {
        ensureLogin(st, login);
        st.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + login.name());
        // Column grants are not covered by a table-level REVOKE.
        st.execute(
            "REVOKE ALL ("
                + DEVICE_COLUMNS_TO_READ
                + ", connection_config, collector_id)"
                + " ON devices FROM "
                + login.name());
        st.execute("REVOKE ALL (" + ALERT_ACKNOWLEDGEMENT + ") ON llm_alerts FROM " + login.name());
        st.execute("GRANT CONNECT ON DATABASE " + quote(database) + " TO " + login.name());
        st.execute("GRANT USAGE ON SCHEMA public TO " + login.name());
        // Start-up checks that the schema is migrated, which reads the history.
        st.execute("GRANT SELECT ON " + MIGRATION_HISTORY + " TO " + login.name());
      }
      Login api = logins.api();
      st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + api.name());
      st.execute(
          "GRANT INSERT, UPDATE, DELETE ON " + String.join(", ", API_TABLES) + " TO " + api.name());
      st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + api.name());
      // The api acknowledges LLM alerts; everything else of an alert is the processor's.
      st.execute("GRANT UPDATE (" + ALERT_ACKNOWLEDGEMENT + ") ON llm_alerts TO " + api.name());
      // DELETE /api/v1/events/{id}: a user may delete a camera event (frames and history cascade).
      st.execute(
          "GRANT DELETE ON camera_events, camera_event_frames, camera_event_descriptions TO "
              + api.name());

      Login processor = logins.processor();
      // SELECT too: upserts (ON CONFLICT DO UPDATE) read the row they update.
      st.execute(
          "GRANT SELECT, INSERT, UPDATE ON "
              + String.join(", ", TELEMETRY_TABLES)
              + " TO "
              + processor.name());
      String columns = DEVICE_COLUMNS_OF_THE_SINK;
      st.execute(
          "GRANT SELECT (%s), INSERT (%s), UPDATE (%s) ON devices TO %s"
              .formatted(columns, columns, columns, processor.name()));
      st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + processor.name());
      // The history of LLM probes has a retention the sink enforces.
      st.execute("GRANT DELETE ON llm_probe_results TO " + processor.name());
      // Camera events have a retention (camera_settings.event_retention_days) the sink enforces.
      st.execute(
          "GRANT DELETE ON camera_events, camera_event_frames, camera_event_descriptions TO "
              + processor.name());
      st.execute("GRANT SELECT (event_retention_days) ON camera_settings TO " + processor.name());

      if (logins.telemetryReader() != null) {
        st.execute(
            "GRANT SELECT ON "
                + String.join(", ", TELEMETRY_TABLES)
                + " TO "
                + logins.telemetryReader().name());
        st.execute(
            "GRANT SELECT (%s) ON devices TO %s"
                .formatted(DEVICE_COLUMNS_TO_READ, logins.telemetryReader().name()));
      }
      c.commit();
    }
  }

  private static List<Login> loginsOf(Logins logins) {
    return logins.telemetryReader() == null
        ? List.of(logins.api(), logins.processor())
        : List.of(logins.api(), logins.processor(), logins.telemetryReader());
  }

  private static void ensureLogin(Statement st, Login login) throws SQLException {
    // Roles belong to the whole server; a second database on it may have made this one already.
    st.execute(
        """
        DO $$ BEGIN
          CREATE ROLE %s LOGIN;
        EXCEPTION WHEN duplicate_object THEN NULL;
        END $$\
        """
            .formatted(login.name()));
    st.execute(
        "ALTER ROLE "
            + login.name()
            + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
            + (login.password().isEmpty() ? "NULL" : literal(login.password())));
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
