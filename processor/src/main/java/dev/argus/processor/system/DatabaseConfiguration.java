package dev.argus.processor.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connection pool to the telemetry database. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

  private static final int POOL_SIZE = 4;

  @Bean(destroyMethod = "close")
  public HikariDataSource dataSource(DatabaseProperties db) {
    return pooledDataSource(db);
  }

  /**
   * A pool that starts even while the database is down: connections are opened on demand, so the
   * sink can wait for the database instead of the service failing to start.
   */
  public static HikariDataSource pooledDataSource(DatabaseProperties db) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("argus-processor-db");
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(db.connectionTimeout().toMillis());
    config.setInitializationFailTimeout(-1);
    // pgjdbc turns a JDBC batch of single-row INSERTs into multi-row INSERTs: far fewer round
    // trips for the sink's batches.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(config);
  }
}
