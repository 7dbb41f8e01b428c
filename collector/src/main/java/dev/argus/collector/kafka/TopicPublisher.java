package dev.argus.collector.kafka;

import dev.argus.contract.Topic;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records to one topic of the catalog. A record that cannot be sent is logged and counted,
 * never thrown: a broker outage must not stop the collector from polling. The producer may be made
 * at the first send ({@link #lazy}); a publisher that never sent closes nothing.
 */
public final class TopicPublisher<K, V> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicPublisher.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Topic<K, V> topic;
  private final Supplier<Producer<K, V>> newProducer;
  private final AtomicLong failedSends = new AtomicLong();
  private final PublisherMeters meters;
  private final Object lock = new Object();
  private volatile Producer<K, V> producer;
  private boolean closed;

  /** A publisher of {@code producer}, its sends counted in no registry. */
  public TopicPublisher(Topic<K, V> topic, Producer<K, V> producer) {
    this.topic = topic;
    this.newProducer = () -> producer;
    this.producer = producer;
    this.meters = PublisherMeters.unregistered(topic.name());
  }

  private TopicPublisher(
      Topic<K, V> topic, Supplier<Producer<K, V>> newProducer, PublisherMeters meters) {
    this.topic = topic;
    this.newProducer = newProducer;
    this.meters = meters;
  }

  /** A publisher whose producer is made by {@code newProducer} at the first send. */
  public static <K, V> TopicPublisher<K, V> lazy(
      Topic<K, V> topic, Supplier<Producer<K, V>> newProducer) {
    return new TopicPublisher<>(topic, newProducer, PublisherMeters.unregistered(topic.name()));
  }

  /** A {@link #lazy} publisher whose sends and producer show on {@code /metrics}. */
  static <K, V> TopicPublisher<K, V> lazy(
      Topic<K, V> topic, Supplier<Producer<K, V>> newProducer, PublisherMeters meters) {
    return new TopicPublisher<>(topic, newProducer, meters);
  }

  public void publish(K key, V value) {
    try {
      producer()
          .send(
              new ProducerRecord<>(topic.name(), key, value),
              (metadata, error) -> {
                if (error != null) {
                  countFailure(key, error);
                } else {
                  meters.sent();
                }
              });
    } catch (KafkaException | IllegalStateException e) {
      // Thrown by send() itself, e.g. when metadata is unavailable within max.block.ms.
      countFailure(key, e);
    }
  }

  /** Records that could not be delivered since start-up. */
  public long failedSends() {
    return failedSends.get();
  }

  /** Waits for the records sent so far to be delivered (or to fail). */
  public void flush() {
    Producer<K, V> made = producer;
    if (made != null) {
      made.flush();
    }
  }

  /** Delivers what is still buffered (waiting up to 10 s) and releases the producer. */
  @Override
  public void close() {
    Producer<K, V> made;
    synchronized (lock) {
      closed = true;
      made = producer;
    }
    if (made != null) {
      made.close(CLOSE_TIMEOUT);
    }
    meters.close();
  }

  private Producer<K, V> producer() {
    Producer<K, V> made = producer;
    if (made == null) {
      synchronized (lock) {
        made = producer;
        if (made == null) {
          if (closed) {
            throw new IllegalStateException("the publisher of " + topic.name() + " is closed");
          }
          made = newProducer.get();
          meters.bind(made);
          producer = made;
        }
      }
    }
    return made;
  }

  private void countFailure(K key, Exception error) {
    long failures = failedSends.incrementAndGet();
    meters.failed();
    log.warn(
        "Could not publish to {} (key {}), {} failed so far: {}",
        topic.name(),
        key,
        failures,
        error.toString());
  }
}
