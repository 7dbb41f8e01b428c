package dev.argus.api.ai;

import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.testing.EmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh migrated embedded PostgreSQL database for the tests of this package's SQL. */
final class AiDatabase {

  private AiDatabase() {}

  static JdbcClient fresh() {
    DataSource owner = EmbeddedDatabase.dataSource(EmbeddedDatabase.freshDatabase());
    ArgusSchema.migrate(owner);
    return JdbcClient.create(owner);
  }
}
