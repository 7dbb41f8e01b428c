package dev.argus.processor.sink;

import dev.argus.contract.Topics;
import dev.argus.processor.system.DeadLetterHeaders;
import dev.argus.processor.system.DeadLetterSize;
import dev.argus.processor.system.metrics.DeadLetterCount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends records the sink could not read to {@code argus.deadletter}: the raw key and value, the
 * original headers, and the {@link DeadLetterHeaders} saying where the record came from, what was
 * wrong and that the sink gave up on it. A value too large for the topic (a camera record with its
 * frames) is cut, see {@link DeadLetterSize}.
 */
final class DeadLetterPublisher implements AutoCloseable {

  private final Producer<byte[], byte[]> producer;
  private final String consumerGroup;
  private final DeadLetterCount count;

  DeadLetterPublisher(
      Producer<byte[], byte[]> producer, String consumerGroup, DeadLetterCount count) {
    this.producer = producer;
    this.consumerGroup = consumerGroup;
    this.count = count;
  }

  /** Sends them all and waits until the broker has them; throws if any could not be sent. */
  void publish(List<MalformedRecord> malformed) {
    if (malformed.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (MalformedRecord record : malformed) {
      sent.add(producer.send(DeadLetterSize.capped(deadLetter(record))));
    }
    producer.flush();
    for (Future<RecordMetadata> future : sent) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new KafkaException("Could not send a dead letter: " + e.getCause().getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("Interrupted while sending dead letters", e);
      }
    }
    // Counted once the broker has them all: a batch that fails here is sent again, whole.
    for (MalformedRecord record : malformed) {
      count.add(record.source().topic(), consumerGroup, 1);
    }
  }

  private ProducerRecord<byte[], byte[]> deadLetter(MalformedRecord malformed) {
    ConsumerRecord<byte[], byte[]> source = malformed.source();
    Headers headers = new RecordHeaders(source.headers().toArray());
    headers.add(DeadLetterHeaders.TOPIC, utf8(source.topic()));
    headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(source.partition())));
    headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(source.offset())));
    headers.add(DeadLetterHeaders.EXCEPTION, utf8(malformed.error().getClass().getName()));
    headers.add(DeadLetterHeaders.MESSAGE, utf8(String.valueOf(malformed.error().getMessage())));
    headers.add(DeadLetterHeaders.CONSUMER, utf8(consumerGroup));
    return new ProducerRecord<>(
        Topics.DEAD_LETTER.name(), null, source.key(), source.value(), headers);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
