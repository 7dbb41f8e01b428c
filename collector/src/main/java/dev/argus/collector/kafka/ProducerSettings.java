package dev.argus.collector.kafka;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * How long the collector's producers keep a record the broker has not acknowledged, and how much
 * they may hold, bound from {@code argus.kafka.producer.*}. A reading is kept until it is delivered
 * or the delivery timeout passes, so a broker outage shorter than that loses nothing; the buffer is
 * the bound that matters: once a producer's buffer is full, a send waits up to 5 s for room ({@code
 * max.block.ms}) and then fails, counted and logged by {@link TopicPublisher}.
 *
 * @param deliveryTimeout {@code ARGUS_KAFKA_DELIVERY_TIMEOUT}: Kafka's {@code delivery.timeout.ms}
 *     (1m-24d)
 * @param bufferMemory {@code ARGUS_KAFKA_BUFFER_MEMORY}: Kafka's {@code buffer.memory}, per
 *     producer (1MB-1GB)
 */
public record ProducerSettings(Duration deliveryTimeout, DataSize bufferMemory) {

  /** The prefix the collector binds these settings from. */
  public static final String PREFIX = "argus.kafka.producer";

  static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofHours(24);
  static final DataSize DEFAULT_BUFFER_MEMORY = DataSize.ofMegabytes(32);
  // delivery.timeout.ms is an int of milliseconds.
  private static final Duration LONGEST_DELIVERY_TIMEOUT = Duration.ofDays(24);

  public ProducerSettings {
    if (deliveryTimeout == null) {
      deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
    }
    if (bufferMemory == null) {
      bufferMemory = DEFAULT_BUFFER_MEMORY;
    }
    // At least request.timeout.ms (10 s) + linger.ms, as Kafka requires; a minute in practice.
    if (deliveryTimeout.compareTo(Duration.ofMinutes(1)) < 0
        || deliveryTimeout.compareTo(LONGEST_DELIVERY_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "argus.kafka.producer.delivery-timeout (ARGUS_KAFKA_DELIVERY_TIMEOUT) must be between"
              + " 1m and 24d, was "
              + deliveryTimeout);
    }
    if (bufferMemory.compareTo(DataSize.ofMegabytes(1)) < 0
        || bufferMemory.compareTo(DataSize.ofGigabytes(1)) > 0) {
      throw new IllegalArgumentException(
          "argus.kafka.producer.buffer-memory (ARGUS_KAFKA_BUFFER_MEMORY) must be between 1MB"
              + " and 1GB, was "
              + bufferMemory);
    }
  }

  /** The defaults: 24 h, 32 MB. */
  public static ProducerSettings defaults() {
    return new ProducerSettings(null, null);
  }
}
