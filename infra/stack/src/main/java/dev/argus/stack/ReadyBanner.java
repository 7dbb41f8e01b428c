package dev.argus.stack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the launcher prints once every part answers: where the api, its documentation, the broker,
 * the database and the logs are, a few requests to try, and where the admin key and the first
 * admin's password come from (never the secrets themselves, which would end up in terminal
 * scroll-back).
 *
 * @param jdbcUrl the database's URL; a trailing {@code ?user=} is left out, the user is shown apart
 * @param adminKeySource {@code API_KEY} when the key came from the environment, else its file
 * @param adminPasswordFromEnvironment whether ARGUS_ADMIN_PASSWORD is set (else the api writes a
 *     random first password to {@link #adminPasswordFile})
 */
record ReadyBanner(
    StackOptions options,
    String jdbcUrl,
    String dbUser,
    String adminKeySource,
    boolean adminPasswordFromEnvironment) {

  /** Where the api writes the first admin's random password (ARGUS_ADMIN_PASSWORD_FILE). */
  static Path adminPasswordFile(Path dataDir) {
    return dataDir.resolve("admin-password");
  }

  String text(Duration took) {
    String api = "http://localhost:" + options.apiPort();
    return """

    Argus is up (%d s).
      API              %s/api
      OpenAPI          %s/docs   (spec: %s/openapi.json)
      Kafka bootstrap  %s
      JDBC URL         %s   (user %s)
      Logs             %s
    Try:
      curl %s/api/health
      curl %s/api/devices
      curl '%s/api/snapshots/latest?device_id=ups-office'
      curl %s/api/events        (events appear within a few minutes)
      curl -H "x-api-key: %s" %s/api/v1/alert-status
      curl -H "x-api-key: %s" '%s/api/v1/monitoring/uptime?limit=5'   (LLM probes, every minute)
    Admin API key (X-Api-Key, for writes and /api/v1): from %s
    Sign in as admin (POST %s/api/v1/auth/login): the first password is %s
    Press Ctrl-C to stop.
    """
        .formatted(
            took.toSeconds(),
            api,
            api,
            api,
            options.kafkaBootstrap(),
            jdbcUrl.replaceFirst("\\?user=[^&]*$", ""),
            dbUser,
            options.dataDir().resolve("logs"),
            api,
            api,
            api,
            api,
            adminKeyRef(),
            api,
            adminKeyRef(),
            api,
            adminKeySource,
            api,
            adminPasswordRef());
  }

  /**
   * How a shell reads the first admin's password. The api writes the file only when it makes the
   * first admin; after a password change the file is out of date.
   */
  private String adminPasswordRef() {
    return adminPasswordFromEnvironment
        ? "$ARGUS_ADMIN_PASSWORD"
        : "$(cat " + adminPasswordFile(options.dataDir()) + ")   (until you change it)";
  }

  /** How a shell reads the admin key: never the key itself, which would stay in scroll-back. */
  private String adminKeyRef() {
    return adminKeySource.equals("API_KEY")
        ? "$API_KEY"
        : "$(cat " + options.dataDir().resolve("api-key") + ")";
  }
}
