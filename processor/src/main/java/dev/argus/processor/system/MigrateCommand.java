package dev.argus.processor.system;

import dev.argus.contract.schema.ArgusSchema;
import dev.argus.contract.schema.ServiceRoles;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code java -jar argus-processor.jar migrate}: run once per deployment (docker-compose's {@code
 * migrate} service) before the services start. It migrates the schema as its owner and gives the
 * api, the processor and a read-only telemetry reader (Grafana) a role each with only the rights
 * they need ({@link ServiceRoles}), so that no long-running service holds the owner's password.
 *
 * <p>Settings: {@code ARGUS_DB_URL}, {@code ARGUS_DB_USER} and {@code ARGUS_DB_PASSWORD} (the
 * owner); {@code ARGUS_API_DB_USER} ({@code argus_api}) and {@code ARGUS_API_DB_PASSWORD}, {@code
 * ARGUS_PROCESSOR_DB_USER} ({@code argus_processor}) and {@code ARGUS_PROCESSOR_DB_PASSWORD}, both
 * passwords required; {@code ARGUS_READER_DB_USER} ({@code argus_reader}) and {@code
 * ARGUS_READER_DB_PASSWORD}, no reader role when the password is unset.
 */
public final class MigrateCommand {

  private MigrateCommand() {}

  /** Returns the process exit status: 0 done, 2 a setting is missing or wrong, 1 it failed. */
  public static int run(Map<String, String> env, PrintStream out) {
    ServiceRoles.Logins logins;
    try {
      logins =
          new ServiceRoles.Logins(
              login(env, "ARGUS_API_DB", "argus_api", true),
              login(env, "ARGUS_PROCESSOR_DB", "argus_processor", true),
              login(env, "ARGUS_READER_DB", "argus_reader", false));
    } catch (IllegalArgumentException e) {
      out.println("migrate: " + e.getMessage());
      return 2;
    }
    var owner = new PGSimpleDataSource();
    owner.setUrl(env.getOrDefault("ARGUS_DB_URL", "jdbc:postgresql://localhost:5432/argus"));
    owner.setUser(env.getOrDefault("ARGUS_DB_USER", "postgres"));
    owner.setPassword(env.getOrDefault("ARGUS_DB_PASSWORD", ""));
    try {
      var result = ArgusSchema.migrate(owner);
      ServiceRoles.apply(owner, logins);
      out.printf(
          "migrate: schema at version %s (%d migration(s) applied); roles %s granted%n",
          result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
          result.migrationsExecuted,
          logins);
      return 0;
    } catch (SQLException | RuntimeException e) {
      out.println("migrate: failed: " + e.getMessage());
      return 1;
    }
  }

  private static ServiceRoles.Login login(
      Map<String, String> env, String prefix, String defaultName, boolean required) {
    String password = env.getOrDefault(prefix + "_PASSWORD", "");
    if (password.isBlank()) {
      if (required) {
        throw new IllegalArgumentException(
            prefix + "_PASSWORD must be set (the password the service logs in with)");
      }
      return null;
    }
    String name = env.getOrDefault(prefix + "_USER", defaultName);
    try {
      return new ServiceRoles.Login(name, password);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + "_USER: " + e.getMessage(), e);
    }
  }
}
