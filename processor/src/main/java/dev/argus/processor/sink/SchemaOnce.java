package dev.argus.processor.sink;

import dev.argus.contract.schema.ArgusSchema;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the schema once for every sink lane of this process: the first lane to get there runs
 * Flyway, the others wait for it and then find nothing to do, rather than each running its own
 * migration against the same database.
 */
final class SchemaOnce {

  private final DataSource dataSource;
  private boolean migrated;

  SchemaOnce(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The result when this call migrated; empty when an earlier call already had. */
  synchronized Optional<MigrateResult> migrate() {
    if (migrated) {
      return Optional.empty();
    }
    MigrateResult result = ArgusSchema.migrate(dataSource);
    migrated = true;
    return Optional.of(result);
  }
}
