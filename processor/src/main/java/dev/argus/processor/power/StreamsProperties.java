package dev.argus.processor.power;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the Kafka Streams runtime of the power topology runs.
 *
 * @param applicationId the Streams application id: consumer group and internal topic prefix
 * @param stateDir where the state stores live ({@code ARGUS_STREAMS_STATE_DIR}); on a persistent
 *     volume a restart skips restoring them from the changelog
 * @param commitInterval how often a transaction is committed; events become visible to
 *     read-committed consumers (the sink) only then, so it bounds the added latency
 */
@ConfigurationProperties("argus.streams")
public record StreamsProperties(String applicationId, String stateDir, Duration commitInterval) {

  public StreamsProperties {
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException("argus.streams.application-id must not be blank");
    }
    if (stateDir == null || stateDir.isBlank()) {
      throw new IllegalArgumentException(
          "ARGUS_STREAMS_STATE_DIR (argus.streams.state-dir) must not be blank");
    }
    if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException(
          "argus.streams.commit-interval must be positive, was " + commitInterval);
    }
  }
}
