package dev.argus.processor.system.metrics;

import dev.argus.contract.metrics.MetricsEndpointSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the processor serves {@code GET /metrics}, and how often it reads the consumer lag.
 *
 * @param port {@code ARGUS_METRICS_PORT} (default 9464); 0 turns the endpoint off
 * @param bindAddress {@code ARGUS_METRICS_BIND_ADDRESS} (default 0.0.0.0)
 * @param lagInterval how often the consumer lag is read from the broker (default 15 s)
 */
@ConfigurationProperties("argus.metrics")
public record MetricsProperties(Integer port, String bindAddress, Duration lagInterval) {

  public MetricsProperties {
    port = port == null ? 9464 : port;
    bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
    lagInterval = lagInterval == null ? Duration.ofSeconds(15) : lagInterval;
    if (lagInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "argus.metrics.lag-interval must be at least 1s, was " + lagInterval);
    }
    // Checked here, so a bad value stops the service at start-up.
    new MetricsEndpointSettings(port, bindAddress);
  }

  public MetricsEndpointSettings toSettings() {
    return new MetricsEndpointSettings(port, bindAddress);
  }
}
