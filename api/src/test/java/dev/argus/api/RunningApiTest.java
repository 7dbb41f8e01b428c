package dev.argus.api;

import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.schema.ServiceRoles;
import dev.argus.contract.secrets.SecretCipher;
import dev.argus.contract.testing.EmbeddedDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole api on a random loopback port against a real PostgreSQL (embedded, one fresh database
 * shared by the subclasses, which therefore share one application context). Each test starts from
 * empty tables and writes the rows it needs.
 *
 * <p>The api connects as its production role ({@link ServiceRoles}): it may only SELECT telemetry
 * (it may write only its own configuration and state: API keys, devices, targets, settings, outbox,
 * triggers, deliveries), so every test also checks the architecture rule that the api never writes
 * telemetry: such a write would fail with "permission denied". The schema is migrated beforehand by
 * the owner, as the processor would have done; the api's own start-up migration then finds nothing
 * to do.
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
    try {
      // The rights of production (the one list in ServiceRoles), so every api IT proves they
      // suffice. Roles belong to the whole server, which the test databases of this JVM share.
      ServiceRoles.apply(
          owner,
          new ServiceRoles.Logins(
              new ServiceRoles.Login(READ_ONLY_ROLE, ""),
              new ServiceRoles.Login("argus_api_test_processor", ""),
              null));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot grant the api's role", e);
    }
    return url;
  }
}
