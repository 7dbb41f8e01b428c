package dev.argus.api.system;

import dev.argus.contract.settings.Durations;
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
    Durations.requirePositive(
        collectorStaleness, "argus.api.collector-staleness (ARGUS_API_COLLECTOR_STALENESS)", "60s");
    Durations.requirePositive(
        schemaRetryInitialBackoff,
        "argus.api.schema-retry-initial-backoff (ARGUS_API_SCHEMA_RETRY_INITIAL_BACKOFF)",
        "60s");
    Durations.requirePositive(
        schemaRetryMaxBackoff,
        "argus.api.schema-retry-max-backoff (ARGUS_API_SCHEMA_RETRY_MAX_BACKOFF)",
        "60s");
    if (schemaRetryMaxBackoff.compareTo(schemaRetryInitialBackoff) < 0) {
      throw new IllegalArgumentException(
          "argus.api.schema-retry-max-backoff ("
              + schemaRetryMaxBackoff
              + ") must not be shorter than argus.api.schema-retry-initial-backoff ("
              + schemaRetryInitialBackoff
              + ")");
    }
  }
}
