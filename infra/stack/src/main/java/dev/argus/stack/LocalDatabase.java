package dev.argus.stack;

import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.schema.ServiceRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The stack's PostgreSQL: an embedded server (real PostgreSQL binaries from Maven Central) whose
 * cluster lives in the data directory and is reused by later starts, or an existing server given by
 * {@code ARGUS_DB_URL}.
 */
final class LocalDatabase implements AutoCloseable {

  static final String DATABASE = "argus";

  // Replaced by startAgain() after a stop (the fault harness's outage).
  private EmbeddedPostgres embedded;
  private final EmbeddedPostgres.Builder builder;
  private final String jdbcUrl;
  private final String user;
  private final String password;

  private LocalDatabase(
      EmbeddedPostgres embedded,
      EmbeddedPostgres.Builder builder,
      String jdbcUrl,
      String user,
      String password) {
    this.embedded = embedded;
    this.builder = builder;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  static LocalDatabase external(String jdbcUrl, String user, String password) throws SQLException {
    try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
      return new LocalDatabase(null, null, jdbcUrl, user, password);
    } catch (SQLException e) {
      throw new SQLException(
          "Cannot connect to ARGUS_DB_URL " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param durable fsync and synchronous commits on, as a power cut (what a UPS monitor is for)
   *     must not corrupt the database; off only for tests, which start from nothing anyway
   */
  static LocalDatabase embedded(Path dataDir, int port, boolean durable)
      throws IOException, SQLException {
    Path cluster = dataDir.resolve("postgres");
    Path work = dataDir.resolve("postgres-binaries");
    Files.createDirectories(work);
    Path log = dataDir.resolve("logs").resolve("postgres.log");
    Files.createDirectories(log.getParent());
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            // initdb and the first start take more than the default 10 s on a loaded CI machine
            .setPGStartupWait(Duration.ofSeconds(60))
            .setPort(port)
            .setDataDirectory(cluster)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(work.toFile())
            .setRegisterShutdownHook(false)
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "128MB")
            // The embedded server starts postgres with -F (fsync off) and synchronous_commit off;
            // settings given with -c come after -F on the command line and win.
            .setServerConfig("fsync", durable ? "on" : "off")
            .setServerConfig("synchronous_commit", durable ? "on" : "off")
            .setServerConfig("full_page_writes", durable ? "on" : "off")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
    EmbeddedPostgres pg = builder.start();
    String adminUrl = pg.getJdbcUrl("postgres", "postgres");
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
      if (!rs.next()) {
        st.execute("CREATE DATABASE " + DATABASE);
      }
    }
    // No "?user=" in the URL (the embedded server's own URLs have one): pgjdbc would let it win
    // over the user each service is given, and every service would log in as the owner.
    String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + DATABASE;
    return new LocalDatabase(pg, builder, url, "postgres", "");
  }

  /**
   * Migrates the schema as its owner (the user the stack connects with) and gives each service a
   * role of its own with only the rights it needs ({@link ServiceRoles}). The roles get a new
   * random password on every start; the services are given it in their environment.
   */
  ServiceRoles.Logins migrateAndGrant() throws SQLException {
    var owner = new PGSimpleDataSource();
    owner.setUrl(jdbcUrl);
    owner.setUser(user);
    owner.setPassword(password);
    ArgusSchema.migrate(owner);
    var logins =
        new ServiceRoles.Logins(
            new ServiceRoles.Login("argus_api", randomPassword()),
            new ServiceRoles.Login("argus_processor", randomPassword()),
            new ServiceRoles.Login("argus_reader", randomPassword()));
    ServiceRoles.apply(owner, logins);
    return logins;
  }

  private static String randomPassword() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
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

  /** Stops the embedded server (the fault harness's outage); {@link #startAgain()} ends it. */
  synchronized void stop() throws IOException {
    if (builder == null) {
      throw new IllegalStateException("An external database (ARGUS_DB_URL) is not ours to stop");
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /** Starts the embedded server stopped by {@link #stop()} again: same port, same cluster. */
  synchronized void startAgain() throws IOException {
    if (builder == null) {
      throw new IllegalStateException("An external database (ARGUS_DB_URL) is not ours to start");
    }
    if (embedded == null) {
      embedded = builder.start();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
