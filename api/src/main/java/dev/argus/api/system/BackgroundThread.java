package dev.argus.api.system;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A loop on a daemon thread of its own that starts and stops with the application: the outbox
 * relay, the LLM monitoring scheduler, the benchmark event feed. Subclasses write the loop, which
 * runs while {@link #running()}; stopping clears the flag, lets the subclass wake a blocking call
 * ({@link #beforeInterrupt()}), interrupts the thread and waits a bounded time for it.
 */
public abstract class BackgroundThread implements SmartLifecycle {

  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

  private final String threadName;
  private final int phase;
  private volatile boolean running;
  private volatile Thread thread;

  protected BackgroundThread(String threadName, int phase) {
    this.threadName = threadName;
    this.phase = phase;
  }

  /** The loop; it returns once {@link #running()} turns false (or the thread is interrupted). */
  protected abstract void runUntilStopped();

  /** Whether this instance runs its loop at all (a setting may turn it off); default yes. */
  protected boolean enabled() {
    return true;
  }

  /** Called on stop before the interrupt, e.g. to wake a Kafka consumer's poll; default none. */
  protected void beforeInterrupt() {}

  /** Whether the loop should go on. */
  protected final boolean running() {
    return running;
  }

  @Override
  public void start() {
    running = true;
    if (enabled()) {
      thread = Thread.ofPlatform().daemon().name(threadName).start(this::runUntilStopped);
    }
  }

  @Override
  public void stop() {
    running = false;
    beforeInterrupt();
    Thread loop = thread;
    if (loop != null) {
      loop.interrupt();
      try {
        loop.join(JOIN_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return phase;
  }
}
