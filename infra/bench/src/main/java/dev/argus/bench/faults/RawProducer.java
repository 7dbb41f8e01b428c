package dev.argus.bench.faults;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces to any topic, as a collector would (acks=all, idempotent), either a contract record
 * through its topic's serdes or raw bytes: the load's probe results, LLM and camera readings, and
 * the poison records, whose bytes no serde would write.
 */
final class RawProducer implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  RawProducer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "argus-faults-mixed");
    // A send waits for the topic's metadata as long as a record may wait for delivery: a broker
    // just restarted (the broker-restart fault) may take longer than the default 60 s to know its
    // topics again, and a reading failed for that would count as lost.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
    // A camera record may be as large as its topic allows.
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.CAMERA_MAX_MESSAGE_BYTES);
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends a contract record keyed as its topic says; a failure shows at {@link #flush()}. */
  <V> void send(Topic<String, V> topic, String key, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    send(topic.name(), key.getBytes(StandardCharsets.UTF_8), bytes);
  }

  /** Sends raw bytes (either may be null); the future says where the record landed. */
  Future<RecordMetadata> send(String topic, byte[] key, byte[] value) {
    return producer.send(
        new ProducerRecord<>(topic, key, value),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  /** Waits until every record sent is acknowledged; fails if any was not. */
  void flush() {
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException(
          "The broker refused a record: " + failure.get(), failure.get());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
