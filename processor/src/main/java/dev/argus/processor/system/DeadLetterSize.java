package dev.argus.processor.system;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Keeps dead letters within what {@code argus.deadletter} accepts. Camera readings and events carry
 * their frames (up to 8 MB), the dead-letter topic takes the broker's default (about 1 MB): a
 * malformed camera record sent whole would be refused, and the sink would retry its batch forever
 * (Streams would fail its thread over and over). Its value is cut to the first {@link
 * #MAX_VALUE_BYTES}, enough to see what it was, and {@link DeadLetterHeaders#VALUE_TRUNCATED} says
 * how large it was.
 */
public final class DeadLetterSize {

  /** Leaves room under the topic's limit for the key and the headers (a stack trace among them). */
  public static final int MAX_VALUE_BYTES = 256 * 1024;

  private DeadLetterSize() {}

  public static ProducerRecord<byte[], byte[]> capped(ProducerRecord<byte[], byte[]> record) {
    byte[] value = record.value();
    if (value == null || value.length <= MAX_VALUE_BYTES) {
      return record;
    }
    var headers = new RecordHeaders(record.headers().toArray());
    headers.add(
        DeadLetterHeaders.VALUE_TRUNCATED,
        Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(
        record.topic(),
        record.partition(),
        record.timestamp(),
        record.key(),
        Arrays.copyOf(value, MAX_VALUE_BYTES),
        headers);
  }

  public static List<ProducerRecord<byte[], byte[]>> capped(
      List<ProducerRecord<byte[], byte[]>> records) {
    return records.stream().map(DeadLetterSize::capped).toList();
  }
}
