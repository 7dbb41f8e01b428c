package dev.argus.collector.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A consumer that reads one topic on a thread of its own for the life of the collector: start-up
 * waits (up to a bound) until the reader says it is ready, a Kafka failure closes the consumer and
 * reading starts again after a pause, and stop wakes the consumer and joins the thread. What is
 * read, and when the reader is ready, is the subclass's.
 */
public abstract class TopicReader implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TopicReader.class);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(2);

  private final String topic;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final Duration startupWait;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile Consumer<String, byte[]> consumer;
  private volatile boolean stopping;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param consumers creates a consumer each time reading (re)starts
   * @param startupWait how long start-up waits for {@link #ready()}
   */
  protected TopicReader(
      String topic, Supplier<Consumer<String, byte[]>> consumers, Duration startupWait) {
    this.topic = topic;
    this.consumers = consumers;
    this.startupWait = startupWait;
  }

  /** Reads with {@code consumer} until {@link #stopping()}; a Kafka failure may be thrown. */
  protected abstract void readWith(Consumer<String, byte[]> consumer);

  /** Logged when start-up stops waiting before the reader was ready. */
  protected abstract String notReadyAtStartup(Duration waited);

  /** Says start-up may go on. */
  protected final void ready() {
    ready.countDown();
  }

  protected final boolean stopping() {
    return stopping;
  }

  @Override
  public void start() {
    stopping = false;
    thread = Thread.ofPlatform().name(topic + "-reader").start(this::readLoop);
    running = true;
    try {
      if (!ready.await(startupWait.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(notReadyAtStartup(startupWait));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    running = false;
    stopping = true;
    Consumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void readLoop() {
    while (!stopping) {
      try (Consumer<String, byte[]> opened = consumers.get()) {
        consumer = opened;
        if (stopping) {
          return;
        }
        readWith(opened);
      } catch (WakeupException e) {
        return;
      } catch (KafkaException e) {
        log.warn("Reading {} failed, reading again in {}: {}", topic, RETRY_BACKOFF, e.toString());
        sleep(RETRY_BACKOFF);
      } catch (RuntimeException e) {
        log.error("Reading {} failed unexpectedly, reading again in {}", topic, RETRY_BACKOFF, e);
        sleep(RETRY_BACKOFF);
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
