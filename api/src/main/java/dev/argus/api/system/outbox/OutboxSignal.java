package dev.argus.api.system.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the relay when a configuration change has committed, so that collectors see it within
 * moments instead of after the next poll interval. Several pokes before the relay wakes count as
 * one.
 */
@Component
class OutboxSignal {

  private final Semaphore pending = new Semaphore(0);

  void poke() {
    if (pending.availablePermits() == 0) {
      pending.release();
    }
  }

  /** Waits for a poke or until {@code timeout} passes; returns whether it was poked. */
  boolean await(Duration timeout) throws InterruptedException {
    boolean poked = pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    pending.drainPermits();
    return poked;
  }
}
