package dev.argus.processor.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the telemetry database is.
 *
 * @param url {@code ARGUS_DB_URL}, a PostgreSQL JDBC URL
 * @param user {@code ARGUS_DB_USER}
 * @param password {@code ARGUS_DB_PASSWORD}, may be empty (trust or peer authentication)
 * @param connectionTimeout how long to wait for a connection before a write counts as failed and is
 *     retried; short, so an outage is noticed quickly
 */
@ConfigurationProperties("argus.db")
public record DatabaseProperties(
    String url, String user, String password, Duration connectionTimeout) {

  public DatabaseProperties {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "ARGUS_DB_URL must be a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://localhost:5432/argus, was "
              + url);
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("ARGUS_DB_USER must not be blank");
    }
    password = password == null ? "" : password;
    connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
    // HikariCP refuses anything shorter.
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "argus.db.connection-timeout must be at least 250ms, was " + connectionTimeout);
    }
  }

  @Override
  public String toString() {
    return "DatabaseProperties[url=" + url + ", user=" + user + "]";
  }
}
