package dev.argus.api.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the api service, bound from {@code argus.api.*} (see application.yml for the
 * environment variables). Checked when the service starts, so a bad value stops it with a message
 * that names the setting.
 *
 * @param collectorStaleness how recent a collector heartbeat must be for {@code /api/health} to
 *     report the scheduler as running
 * @param schemaRetryInitialBackoff first wait before retrying the schema migration while the
 *     database is unreachable; doubled after each failed attempt
 * @param schemaRetryMaxBackoff the longest wait between two migration attempts
 */
@ConfigurationProperties("argus.api")
public record ApiProperties(
    Duration collectorStaleness,
    Duration schemaRetryInitialBackoff,
    Duration schemaRetryMaxBackoff) {

  public ApiProperties {
    requirePositive(
        collectorStaleness, "argus.api.collector-staleness (ARGUS_API_COLLECTOR_STALENESS)");
    requirePositive(
        schemaRetryInitialBackoff,
        "argus.api.schema-retry-initial-backoff (ARGUS_API_SCHEMA_RETRY_INITIAL_BACKOFF)");
    requirePositive(
        schemaRetryMaxBackoff,
        "argus.api.schema-retry-max-backoff (ARGUS_API_SCHEMA_RETRY_MAX_BACKOFF)");
    if (schemaRetryMaxBackoff.compareTo(schemaRetryInitialBackoff) < 0) {
      throw new IllegalArgumentException(
          "argus.api.schema-retry-max-backoff ("
              + schemaRetryMaxBackoff
              + ") must not be shorter than argus.api.schema-retry-initial-backoff ("
              + schemaRetryInitialBackoff
              + ")");
    }
  }

  private static void requirePositive(Duration value, String setting) {
    if (value == null) {
      throw new IllegalArgumentException(setting + " must be set, e.g. 60s");
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be a positive duration, got " + value);
    }
  }
}
