package dev.argus.collector.kafka;

import dev.argus.contract.BrokerWait;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing the collector starts, after every setting was bound and checked: it holds the
 * start of the configuration, command and LLM job readers, the poll and probe schedulers, the
 * heartbeat, the camera workers and the Protect sessions until the catalog's topics exist, waiting
 * as long as the broker cannot be reached (one log line per attempt). Until then the application
 * context is not refreshed, so Spring's readiness stays {@code REFUSING_TRAFFIC}, and {@link
 * #waitingFor()} says what it waits for. An answer that waiting cannot mend (a replication factor
 * the cluster cannot hold) stops start-up with the broker's message.
 */
public final class BrokerStartup implements SmartLifecycle {

  private final BrokerWait wait;
  private volatile boolean running;

  public BrokerStartup(BrokerWait wait) {
    this.wait = wait;
  }

  @Override
  public void start() {
    try {
      wait.awaitTopics();
      running = true;
    } catch (InterruptedException e) {
      // Interrupted by the shutdown hook: start-up ends here, and the flag is not set again so
      // that closing the context does not trip over it.
      throw new IllegalStateException(
          "Stopped while waiting for the Kafka broker: the collector is shutting down", e);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before every other lifecycle bean, which all need the topics. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE;
  }

  /** What start-up still waits for; empty once the topics exist. */
  public Optional<String> waitingFor() {
    return wait.waitingFor();
  }
}
