package dev.argus.contract.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.contract.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/** The per-service roles against a real PostgreSQL: each may do its own work and nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRolesTest {

  private static final ServiceRoles.Logins LOGINS =
      new ServiceRoles.Logins(
          new ServiceRoles.Login("roles_test_api", "api-secret"),
          new ServiceRoles.Login("roles_test_processor", "processor-secret"),
          new ServiceRoles.Login("roles_test_reader", ""));

  private String url;

  @BeforeAll
  void migrateAndApplyRoles() throws SQLException {
    url = EmbeddedDatabase.freshDatabase();
    DataSource owner = EmbeddedDatabase.dataSource(url);
    ArgusSchema.migrate(owner);
    ServiceRoles.apply(owner, LOGINS);
  }

  @Test
  void theProcessorWritesTelemetry() throws SQLException {
    run(
        "roles_test_processor",
        "INSERT INTO power_snapshots (ts, device_id, device_type) VALUES (now(), 'ups-1', 'ups')");
    run(
        "roles_test_processor",
        "INSERT INTO devices (id, name, type, poller) VALUES ('ups-1', 'UPS', 'ups', 'nut')"
            + " ON CONFLICT (id) DO UPDATE SET name = excluded.name");
  }

  @Test
  void theProcessorCannotTouchKeysOrSettings() {
    for (String table : new String[] {"api_keys", "alert_config", "runtime_config", "targets"}) {
      assertDenied("roles_test_processor", "SELECT count(*) FROM " + table, table);
    }
    assertDenied("roles_test_processor", "DELETE FROM power_events", "power_events");
    assertDenied("roles_test_processor", "SELECT connection_config FROM devices", "devices");
  }

  @Test
  void theApiWritesItsOwnTablesButNotTelemetry() throws SQLException {
    run("roles_test_api", "SELECT count(*) FROM power_snapshots");
    run("roles_test_api", "DELETE FROM api_keys");
    run(
        "roles_test_api",
        "INSERT INTO runtime_config (id, config) VALUES (1, '{}') ON CONFLICT DO NOTHING");
    assertDenied(
        "roles_test_api",
        "INSERT INTO power_events (event_id, ts, device_id, event_type, severity)"
            + " VALUES (gen_random_uuid(), now(), 'ups-1', 'on_battery', 'high')",
        "power_events");
    assertDenied("roles_test_api", "DELETE FROM power_snapshots", "power_snapshots");
  }

  @Test
  void llmAlertsAreTheProcessorsButTheApiAcknowledgesThem() throws SQLException {
    String alert = "'5b0c8d0e-9a4f-4d55-8f4b-0d1c2b3a4f50'";
    run(
        "roles_test_processor",
        "INSERT INTO llm_alerts (id, rule_id, rule_type, subject, severity, message, opened_at)"
            + " VALUES ("
            + alert
            + ", gen_random_uuid(), 'any_model_down', 'gpt-4.1', 'high', 'down', now())");
    run("roles_test_api", "UPDATE llm_alerts SET acknowledged = true, acknowledged_at = now()");
    assertDenied("roles_test_api", "UPDATE llm_alerts SET resolved_at = now()", "llm_alerts");
    assertDenied("roles_test_api", "DELETE FROM llm_probe_results", "llm_probe_results");
    // Retention of the probe history is the sink's.
    run(
        "roles_test_processor",
        "DELETE FROM llm_probe_results WHERE ts < now() - interval '90 days'");
    assertDenied("roles_test_processor", "SELECT count(*) FROM llm_providers", "llm_providers");
    run("roles_test_api", "DELETE FROM llm_providers");
    run("roles_test_reader", "SELECT count(*) FROM llm_model_status");
  }

  @Test
  void theReaderOnlyReadsTelemetry() throws SQLException {
    run("roles_test_reader", "SELECT count(*) FROM energy_daily");
    assertDenied("roles_test_reader", "SELECT count(*) FROM api_keys", "api_keys");
    assertDenied("roles_test_reader", "DELETE FROM power_snapshots", "power_snapshots");
  }

  @Test
  void theReaderReadsTheRollupsAndTargetNamesButNotTargetAddresses() throws SQLException {
    for (String rollup : ServiceRoles.ROLLUP_VIEWS) {
      run("roles_test_reader", "SELECT count(*) FROM " + rollup);
    }
    run("roles_test_reader", "SELECT id, name, type, site, enabled FROM targets");
    assertDenied("roles_test_reader", "SELECT address FROM targets", "targets");
    assertDenied("roles_test_reader", "SELECT options FROM targets", "targets");
  }

  @Test
  void applyingAgainKeepsTheSameRights() throws SQLException {
    ServiceRoles.apply(EmbeddedDatabase.dataSource(url), LOGINS);

    run("roles_test_processor", "SELECT count(*) FROM power_events");
    assertDenied("roles_test_processor", "SELECT count(*) FROM api_keys", "api_keys");
  }

  @Test
  void refusesRoleNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> new ServiceRoles.Login("api; DROP TABLE devices", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case identifier");
  }

  private void run(String role, String sql) throws SQLException {
    try (Connection c = as(role).getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private void assertDenied(String role, String sql, String table) {
    assertThatThrownBy(() -> run(role, sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for table " + table);
  }

  private DataSource as(String role) {
    var ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(role);
    return ds;
  }
}
