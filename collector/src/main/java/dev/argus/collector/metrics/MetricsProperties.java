package dev.argus.collector.metrics;

import dev.argus.contract.metrics.MetricsEndpointSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the collector serves {@code GET /metrics}.
 *
 * @param port {@code ARGUS_METRICS_PORT} (default 9465); 0 turns the endpoint off
 * @param bindAddress {@code ARGUS_METRICS_BIND_ADDRESS} (default 0.0.0.0)
 */
@ConfigurationProperties("argus.metrics")
public record MetricsProperties(Integer port, String bindAddress) {

  public MetricsProperties {
    port = port == null ? 9465 : port;
    bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
    // Checked here, so a bad value stops the service at start-up.
    new MetricsEndpointSettings(port, bindAddress);
  }

  public MetricsEndpointSettings toSettings() {
    return new MetricsEndpointSettings(port, bindAddress);
  }
}
