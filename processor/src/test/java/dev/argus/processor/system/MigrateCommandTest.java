package dev.argus.processor.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.testing.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployment's one-shot {@code migrate} step against a real PostgreSQL. */
class MigrateCommandTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void migratesAndMakesARoleForEachService() throws Exception {
    String url = EmbeddedDatabase.freshDatabase();

    int status =
        MigrateCommand.run(
            Map.of(
                "ARGUS_DB_URL", url,
                "ARGUS_DB_USER", "postgres",
                "ARGUS_API_DB_USER", "migrate_test_api",
                "ARGUS_API_DB_PASSWORD", "api-password",
                "ARGUS_PROCESSOR_DB_USER", "migrate_test_processor",
                "ARGUS_PROCESSOR_DB_PASSWORD", "processor-password"),
            out);

    assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("migrate_test_api")
        .doesNotContain("api-password");
    try (Connection c = DriverManager.getConnection(url, "migrate_test_processor", "");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT has_table_privilege('power_snapshots', 'INSERT'),"
                    + " has_table_privilege('api_keys', 'SELECT')")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getBoolean(2)).isFalse();
    }
  }

  @Test
  void refusesToRunWithoutTheServicesPasswords() {
    int status = MigrateCommand.run(Map.of("ARGUS_DB_URL", "jdbc:postgresql://localhost:1/x"), out);

    assertThat(status).isEqualTo(2);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("ARGUS_API_DB_PASSWORD must be set");
  }
}
