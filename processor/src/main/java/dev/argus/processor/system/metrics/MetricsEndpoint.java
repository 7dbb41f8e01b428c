package dev.argus.processor.system.metrics;

import dev.argus.contract.metrics.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves {@code GET /metrics} for the life of the processor. It starts before Streams and the sink
 * (a lower phase), so a scrape sees the service coming up, and stops after them.
 */
@Component
public class MetricsEndpoint implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  private final MetricsProperties settings;
  private final PrometheusMeterRegistry registry;
  private volatile MetricsServer server;

  MetricsEndpoint(MetricsProperties settings, PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.registry = registry;
  }

  @Override
  public synchronized void start() {
    server = MetricsServer.start(settings.toSettings(), registry);
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
