package dev.argus.bench.faults;

import dev.argus.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code argus.deadletter} back ({@code read_committed}: the Streams application writes its
 * dead letters in its transactions) with the headers the processor sets, named as in its {@code
 * system.DeadLetterHeaders} (the Kafka Streams dead-letter names, plus the consumer and the
 * truncation marker).
 */
final class DeadLetters {

  static final String TOPIC = "__streams.errors.topic";
  static final String PARTITION = "__streams.errors.partition";
  static final String OFFSET = "__streams.errors.offset";
  static final String EXCEPTION = "__streams.errors.exception";
  static final String MESSAGE = "__streams.errors.message";
  static final String CONSUMER = "argus.errors.consumer";
  static final String VALUE_TRUNCATED = "argus.errors.value.truncated";

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /**
   * One dead letter as its headers describe it; a header that is missing is null.
   *
   * @param valueBytes the size of the dead letter's value as stored
   */
  record DeadLetter(
      String topic,
      Integer partition,
      Long offset,
      String exception,
      String message,
      String consumer,
      String truncatedFrom,
      int valueBytes) {

    String position() {
      return topic + "-" + partition + "@" + offset;
    }

    static DeadLetter of(Headers headers, byte[] value) {
      return new DeadLetter(
          text(headers, TOPIC),
          number(text(headers, PARTITION), Integer::valueOf),
          number(text(headers, OFFSET), Long::valueOf),
          text(headers, EXCEPTION),
          text(headers, MESSAGE),
          text(headers, CONSUMER),
          text(headers, VALUE_TRUNCATED),
          value == null ? 0 : value.length);
    }

    private static String text(Headers headers, String name) {
      Header header = headers.lastHeader(name);
      return header == null || header.value() == null
          ? null
          : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <N> N number(String text, java.util.function.Function<String, N> parse) {
      try {
        return text == null ? null : parse.apply(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  private DeadLetters() {}

  static long endOffset(String bootstrap) {
    try (var consumer = consumer(bootstrap)) {
      TopicPartition partition = new TopicPartition(Topics.DEAD_LETTER.name(), 0);
      return consumer.endOffsets(List.of(partition)).get(partition);
    }
  }

  /** Every dead letter from {@code offset} to the end of the (one-partition) topic. */
  static List<DeadLetter> readFrom(String bootstrap, long offset) {
    List<DeadLetter> letters = new ArrayList<>();
    try (var consumer = consumer(bootstrap)) {
      TopicPartition partition = new TopicPartition(Topics.DEAD_LETTER.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seek(partition, offset);
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          letters.add(DeadLetter.of(record.headers(), record.value()));
        }
      }
    }
    return letters;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "argus-faults-deadletters");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
