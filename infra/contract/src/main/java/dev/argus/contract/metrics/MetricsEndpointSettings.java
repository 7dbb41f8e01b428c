package dev.argus.contract.metrics;

/**
 * Where a service without a web server answers {@code GET /metrics}.
 *
 * @param port the TCP port; 0 turns the endpoint off ({@code ARGUS_METRICS_PORT})
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1} ({@code
 *     ARGUS_METRICS_BIND_ADDRESS})
 */
public record MetricsEndpointSettings(int port, String bindAddress) {

  public MetricsEndpointSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "ARGUS_METRICS_PORT must be between 1 and 65535, or 0 to turn /metrics off, was " + port);
    }
    if (bindAddress == null || bindAddress.isBlank()) {
      throw new IllegalArgumentException(
          "ARGUS_METRICS_BIND_ADDRESS must name an address to listen on, e.g. 0.0.0.0 or"
              + " 127.0.0.1");
    }
  }

  public boolean enabled() {
    return port != 0;
  }
}
