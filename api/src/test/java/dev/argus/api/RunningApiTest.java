package dev.argus.api;

import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.testing.EmbeddedDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api on a random loopback port against a real PostgreSQL (embedded, one fresh database
 * shared by the subclasses, which therefore share one application context). Each test starts from
 * empty tables and writes the rows it needs.
 *
 * <p>The api connects as a role that may only SELECT telemetry (it may write only its own
 * configuration and state: API keys, devices, targets, settings, outbox, triggers, deliveries), so every test also checks the architecture rule
 * that the api never writes telemetry: such a write would fail with "permission denied". The schema
 * is migrated beforehand by the owner, as the processor would have done; the api's own start-up
 * migration then finds nothing to do.
 */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// No broker here; the alert ITs turn the consumer on (a dynamic property, which wins).
@TestPropertySource(properties = "argus.alerts.enabled=false")
public abstract class RunningApiTest {

  protected static final String READ_ONLY_ROLE = "argus_api_reader";
  private static final String DATABASE_URL = migratedDatabaseWithReadOnlyRole();

  @LocalServerPort private int port;

  protected int port() {
    return port;
  }

  protected final TelemetryRows rows = new TelemetryRows(DATABASE_URL);

  /** The api's cipher (the test key of application.properties), to read what it encrypted. */
  @Autowired protected SecretCipher secrets;
  protected ApiHttp api;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DATABASE_URL);
    registry.add("spring.datasource.username", () -> READ_ONLY_ROLE);
    registry.add("spring.datasource.password", () -> "");
  }

  @BeforeEach
  void startFromEmptyTables() {
    api = new ApiHttp(port);
    rows.clear();
  }

  private static String migratedDatabaseWithReadOnlyRole() {
    String url = EmbeddedDatabase.freshDatabase();
    DataSource owner = EmbeddedDatabase.dataSource(url);
    ArgusSchema.migrate(owner);
    JdbcClient sql = JdbcClient.create(owner);
    // Roles belong to the whole server, which the test databases of this JVM share.
    sql.sql(
            """
            DO $$ BEGIN
              CREATE ROLE %s LOGIN;
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$
            """
                .formatted(READ_ONLY_ROLE))
        .update();
    sql.sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READ_ONLY_ROLE).update();
    // The api owns configuration (API keys, devices, targets, runtime and alert settings, the
    // config outbox, manual-poll triggers, alert deliveries) and the shared rate-limit state;
    // telemetry stays read-only.
    sql.sql(
            ("GRANT INSERT, UPDATE, DELETE ON api_keys, rate_limit_hits, devices, runtime_config,"
                    + " config_outbox, poll_triggers, targets, alert_config, alert_deliveries,"
                    + " alert_cooldowns TO %s")
                .formatted(READ_ONLY_ROLE))
        .update();
    sql.sql("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + READ_ONLY_ROLE).update();
    return url;
  }
}
