package dev.argus.contract.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * {@code GET /metrics} of a service without a web server: the Prometheus client's own HTTP server
 * (the JDK's {@code HttpServer} underneath) over the service's Micrometer registry. It negotiates
 * the format with the scraper (text 0.0.4, OpenMetrics) and gzips when asked, so nothing here
 * writes the exposition by hand.
 */
public final class MetricsServer implements AutoCloseable {

  private final HTTPServer server;

  private MetricsServer(HTTPServer server) {
    this.server = server;
  }

  /**
   * Starts listening, or does nothing when the port is 0.
   *
   * @throws UncheckedIOException naming the setting when the port cannot be bound
   */
  public static MetricsServer start(
      MetricsEndpointSettings settings, PrometheusMeterRegistry registry) {
    if (!settings.enabled()) {
      return new MetricsServer(null);
    }
    try {
      return new MetricsServer(
          HTTPServer.builder()
              .hostname(settings.bindAddress())
              .port(settings.port())
              .registry(registry.getPrometheusRegistry())
              .buildAndStart());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot serve /metrics on "
              + settings.bindAddress()
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "): choose a free port with ARGUS_METRICS_PORT, or 0 to turn it off",
          e);
    }
  }

  /** The port it listens on; empty when turned off. */
  public OptionalInt port() {
    return server == null ? OptionalInt.empty() : OptionalInt.of(server.getPort());
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
