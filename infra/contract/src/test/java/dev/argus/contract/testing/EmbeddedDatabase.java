package dev.argus.contract.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (zonky embedded binaries) shared by the tests of one JVM. Each test takes its
 * own fresh database from {@link #freshDatabase()}, so tests do not see each other's rows.
 */
public final class EmbeddedDatabase {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private EmbeddedDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        Path workDir = Path.of("target", "embedded-pg").toAbsolutePath();
        workDir.toFile().mkdirs();
        postgres =
            EmbeddedPostgres.builder()
                // initdb and the first start take more than the default 10 s on a loaded CI machine
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException ignored) {
                        // The JVM is going away; the temp cluster is removed with it.
                      }
                    }));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
    }
    return postgres;
  }

  /**
   * A new, empty database on the shared server; returns its JDBC URL (user {@code postgres}, no
   * password).
   */
  public static String freshDatabase() {
    String name = "argus_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    // No "?user=" in the URL: callers choose the role (pgjdbc lets the URL override it).
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
  }

  public static DataSource dataSource(String jdbcUrl) {
    var ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser("postgres");
    return ds;
  }
}
