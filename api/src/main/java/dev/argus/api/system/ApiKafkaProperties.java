package dev.argus.api.system;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The api's own Kafka setting, beside the shared {@code argus.kafka.*} ones.
 *
 * @param sendTimeout {@code ARGUS_API_KAFKA_SEND_TIMEOUT}: how long a synchronous send (a manual
 *     poll command) may wait for the broker before the request answers 503
 * @param sessionTimeout {@code ARGUS_KAFKA_SESSION_TIMEOUT} (10 s, as the processor's): how long
 *     the broker waits for a silent member of the api's consumer groups (alerts, describer) before
 *     it gives that replica's partitions to the others. Kafka's default of 45 s held the alerts of
 *     a killed replica that long (docs/RELIABILITY.md, {@code two-apis}); 6 s (the broker's {@code
 *     group.min.session.timeout.ms}) to 30 min
 */
@ConfigurationProperties("argus.api.kafka")
public record ApiKafkaProperties(Duration sendTimeout, Duration sessionTimeout) {

  private static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(6);
  private static final Duration MAX_SESSION_TIMEOUT = Duration.ofMinutes(30);

  public ApiKafkaProperties {
    Durations.requirePositive(
        sendTimeout, "argus.api.kafka.send-timeout (ARGUS_API_KAFKA_SEND_TIMEOUT)", "5s");
    sessionTimeout = sessionTimeout == null ? Duration.ofSeconds(10) : sessionTimeout;
    if (sessionTimeout.compareTo(MIN_SESSION_TIMEOUT) < 0
        || sessionTimeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "ARGUS_KAFKA_SESSION_TIMEOUT (argus.api.kafka.session-timeout) must be between 6s (the"
              + " broker's group.min.session.timeout.ms) and 30m, was "
              + sessionTimeout);
    }
  }
}
