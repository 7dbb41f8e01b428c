package dev.argus.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The stack's PostgreSQL: an embedded server (real PostgreSQL binaries from Maven Central) whose
 * cluster lives in the data directory and is reused by later starts, or an existing server given
 * by {@code ARGUS_DB_URL}.
 */
final class LocalDatabase implements AutoCloseable {

  static final String DATABASE = "argus";

  private final EmbeddedPostgres embedded;
  private final String jdbcUrl;
  private final String user;
  private final String password;

  private LocalDatabase(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
    this.embedded = embedded;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  static LocalDatabase external(String jdbcUrl, String user, String password) throws SQLException {
    try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
      return new LocalDatabase(null, jdbcUrl, user, password);
    } catch (SQLException e) {
      throw new SQLException("Cannot connect to ARGUS_DB_URL " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  static LocalDatabase embedded(Path dataDir, int port) throws IOException, SQLException {
    Path cluster = dataDir.resolve("postgres");
    Path work = dataDir.resolve("postgres-binaries");
    Files.createDirectories(work);
    Path log = dataDir.resolve("logs").resolve("postgres.log");
    Files.createDirectories(log.getParent());
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(cluster)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(work.toFile())
            .setRegisterShutdownHook(false)
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "128MB")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    String adminUrl = pg.getJdbcUrl("postgres", "postgres");
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
      if (!rs.next()) {
        st.execute("CREATE DATABASE " + DATABASE);
      }
    }
    return new LocalDatabase(pg, pg.getJdbcUrl("postgres", DATABASE), "postgres", "");
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
