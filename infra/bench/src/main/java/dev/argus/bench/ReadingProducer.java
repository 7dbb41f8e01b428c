package dev.argus.bench;

import dev.argus.contract.Topics;
import dev.argus.contract.power.PowerReading;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces readings to {@code argus.readings.power} as fast as the broker takes them: large batches
 * and a short linger, with the same durability as the collector (acks=all, idempotent), so that the
 * producer is not what the ingest figures measure.
 */
public final class ReadingProducer implements AutoCloseable {

  private final KafkaProducer<String, PowerReading> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public ReadingProducer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "argus-bench");
    // A send waits for the topic's metadata as long as a record may wait for delivery: a broker
    // just restarted (the broker-restart fault) may take longer than the default 60 s to know its
    // topics again, and a reading failed for that would count as lost.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
    producer =
        new KafkaProducer<>(
            props,
            Topics.READINGS_POWER.keySerde().serializer(),
            Topics.READINGS_POWER.valueSerde().serializer());
  }

  public void send(PowerReading reading) {
    producer.send(
        new ProducerRecord<>(Topics.READINGS_POWER.name(), reading.deviceId(), reading),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  /** Waits until every reading sent is acknowledged; fails if any was not. */
  public void flush() {
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException(
          "The broker refused a reading: " + failure.get(), failure.get());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
