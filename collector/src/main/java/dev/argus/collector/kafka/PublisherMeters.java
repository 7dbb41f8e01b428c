package dev.argus.collector.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.kafka.clients.producer.Producer;

/**
 * What one {@link TopicPublisher} shows on {@code /metrics}: {@code
 * argus_readings_sent_total{topic}} (records the broker acknowledged), {@code
 * argus_send_failures_total{topic}} (records that could not be delivered) and its producer's own
 * metrics ({@code kafka_producer_*}), bound once the producer is made.
 */
final class PublisherMeters implements AutoCloseable {

  private final MeterRegistry registry;
  private final Counter sent;
  private final Counter failed;
  private KafkaClientMetrics producerMetrics;

  PublisherMeters(MeterRegistry registry, String topic) {
    this.registry = registry;
    this.sent =
        Counter.builder("argus.readings.sent")
            .description("Records the broker acknowledged, by topic")
            .tag("topic", topic)
            .register(registry);
    this.failed =
        Counter.builder("argus.send.failures")
            .description("Records that could not be delivered to the broker, by topic")
            .tag("topic", topic)
            .register(registry);
  }

  static PublisherMeters unregistered(String topic) {
    return new PublisherMeters(new CompositeMeterRegistry(), topic);
  }

  void sent() {
    sent.increment();
  }

  void failed() {
    failed.increment();
  }

  synchronized void bind(Producer<?, ?> producer) {
    producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(registry);
  }

  @Override
  public synchronized void close() {
    if (producerMetrics != null) {
      producerMetrics.close();
    }
  }
}
