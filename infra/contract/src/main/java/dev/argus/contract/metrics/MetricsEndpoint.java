package dev.argus.contract.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Serves {@code GET /metrics} of a service without a web server (the processor, the collector) for
 * its life. It starts before the service's own work (a lower phase: Streams and the sink, the
 * schedulers and workers), so a scrape sees the service coming up, and stops after it. Each service
 * declares it as a bean; Spring is an optional dependency of the contract for this one class.
 */
public final class MetricsEndpoint implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  private final MetricsEndpointSettings settings;
  private final PrometheusMeterRegistry registry;
  private volatile MetricsServer server;

  public MetricsEndpoint(MetricsEndpointSettings settings, PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.registry = registry;
  }

  @Override
  public synchronized void start() {
    server = MetricsServer.start(settings, registry);
    server
        .port()
        .ifPresentOrElse(
            port -> log.info("Metrics at http://{}:{}/metrics", settings.bindAddress(), port),
            () -> log.info("Metrics endpoint off (ARGUS_METRICS_PORT=0)"));
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }

  /** The port it listens on (the chosen one when configured as a free port); empty when off. */
  public OptionalInt port() {
    MetricsServer running = server;
    return running == null ? OptionalInt.empty() : running.port();
  }
}
