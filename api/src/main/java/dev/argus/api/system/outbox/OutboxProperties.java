package dev.argus.api.system.outbox;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the outbox relay, bound from {@code argus.api.outbox.*}.
 *
 * @param pollInterval {@code ARGUS_API_OUTBOX_POLL_INTERVAL}: how often the relay looks for rows
 *     without a poke (changes made by another api replica, or left by a failed attempt)
 * @param batchSize {@code ARGUS_API_OUTBOX_BATCH_SIZE}: rows published per transaction
 * @param retryInitialBackoff first wait after a failure (Kafka or database down); doubled up to
 *     {@code retryMaxBackoff}
 */
@ConfigurationProperties("argus.api.outbox")
public record OutboxProperties(
    Duration pollInterval, int batchSize, Duration retryInitialBackoff, Duration retryMaxBackoff) {

  public OutboxProperties {
    Durations.requirePositive(
        pollInterval, "argus.api.outbox.poll-interval (ARGUS_API_OUTBOX_POLL_INTERVAL)");
    Durations.requirePositive(retryInitialBackoff, "argus.api.outbox.retry-initial-backoff");
    Durations.requirePositive(retryMaxBackoff, "argus.api.outbox.retry-max-backoff");
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException(
          "argus.api.outbox.batch-size (ARGUS_API_OUTBOX_BATCH_SIZE) must be between 1 and 10000,"
              + " was "
              + batchSize);
    }
  }
}
