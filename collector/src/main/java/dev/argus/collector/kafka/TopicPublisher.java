package dev.argus.collector.kafka;

import dev.argus.contract.Topic;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records to one topic of the catalog. A record that cannot be sent is logged and counted,
 * never thrown: a broker outage must not stop the collector from polling.
 */
public final class TopicPublisher<K, V> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicPublisher.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Topic<K, V> topic;
  private final Producer<K, V> producer;
  private final AtomicLong failedSends = new AtomicLong();

  public TopicPublisher(Topic<K, V> topic, Producer<K, V> producer) {
    this.topic = topic;
    this.producer = producer;
  }

  public void publish(K key, V value) {
    try {
      producer.send(
          new ProducerRecord<>(topic.name(), key, value),
          (metadata, error) -> {
            if (error != null) {
              countFailure(key, error);
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
    producer.flush();
  }

  /** Delivers what is still buffered (waiting up to 10 s) and releases the producer. */
  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }

  private void countFailure(K key, Exception error) {
    long failures = failedSends.incrementAndGet();
    log.warn(
        "Could not publish to {} (key {}), {} failed so far: {}",
        topic.name(),
        key,
        failures,
        error.toString());
  }
}
