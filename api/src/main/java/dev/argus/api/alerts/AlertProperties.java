package dev.argus.api.alerts;

import dev.argus.contract.settings.Durations;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert delivery settings, bound from {@code argus.alerts.*} (environment variables in
 * application.yml). Checked at start-up, so a bad value stops the api naming the setting.
 *
 * @param enabled whether this api consumes {@code argus.events} and sends alerts
 * @param autoOffsetReset where a new consumer group starts: {@code latest} (default: alerts start
 *     with events that happen after the first start) or {@code earliest}
 * @param retryAttempts attempts per notification, the first included
 * @param retryInitialBackoff wait after the first failed attempt; doubled after each further one
 * @param circuitMinimumCalls failed notifications (of the last ten, at least half failing) after
 *     which a provider's circuit opens
 * @param circuitOpenDuration how long an open circuit skips its provider before trying again
 * @param connectTimeout connect timeout for HTTP and SMTP
 * @param requestTimeout the longest one HTTP request or SMTP exchange may take
 */
@ConfigurationProperties("argus.alerts")
public record AlertProperties(
    boolean enabled,
    String autoOffsetReset,
    int retryAttempts,
    Duration retryInitialBackoff,
    int circuitMinimumCalls,
    Duration circuitOpenDuration,
    Duration connectTimeout,
    Duration requestTimeout) {

  public AlertProperties {
    if (!Set.of("latest", "earliest").contains(autoOffsetReset)) {
      throw new IllegalArgumentException(
          "argus.alerts.auto-offset-reset (ARGUS_ALERTS_AUTO_OFFSET_RESET) must be latest or"
              + " earliest, got '"
              + autoOffsetReset
              + "'");
    }
    if (retryAttempts < 1 || retryAttempts > 10) {
      throw new IllegalArgumentException(
          "argus.alerts.retry-attempts (ARGUS_ALERTS_RETRY_ATTEMPTS) must be between 1 and 10, got "
              + retryAttempts);
    }
    if (circuitMinimumCalls < 1 || circuitMinimumCalls > 10) {
      throw new IllegalArgumentException(
          "argus.alerts.circuit-minimum-calls (ARGUS_ALERTS_CIRCUIT_MINIMUM_CALLS) must be between"
              + " 1 and 10, got "
              + circuitMinimumCalls);
    }
    Durations.requirePositive(
        retryInitialBackoff,
        "argus.alerts.retry-initial-backoff (ARGUS_ALERTS_RETRY_INITIAL_BACKOFF)");
    Durations.requirePositive(
        circuitOpenDuration,
        "argus.alerts.circuit-open-duration (ARGUS_ALERTS_CIRCUIT_OPEN_DURATION)");
    Durations.requirePositive(
        connectTimeout, "argus.alerts.connect-timeout (ARGUS_ALERTS_CONNECT_TIMEOUT)");
    Durations.requirePositive(
        requestTimeout, "argus.alerts.request-timeout (ARGUS_ALERTS_REQUEST_TIMEOUT)");
  }
}
