package dev.argus.processor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterSizeTest {

  private static ProducerRecord<byte[], byte[]> deadLetter(int valueBytes) {
    var headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.MESSAGE, "bad".getBytes(StandardCharsets.UTF_8));
    byte[] value = new byte[valueBytes];
    Arrays.fill(value, (byte) 'x');
    return new ProducerRecord<>(
        "argus.deadletter", null, 42L, "key".getBytes(StandardCharsets.UTF_8), value, headers);
  }

  @Test
  void aValueWithinTheLimitIsSentWhole() {
    var record = deadLetter(DeadLetterSize.MAX_VALUE_BYTES);

    assertThat(DeadLetterSize.capped(record)).isSameAs(record);
  }

  @Test
  void aLargerValueIsCutAndSaysHowLargeItWas() {
    var record = deadLetter(3 * 1024 * 1024);

    var capped = DeadLetterSize.capped(record);

    assertThat(capped.value()).hasSize(DeadLetterSize.MAX_VALUE_BYTES);
    assertThat(capped.key()).isEqualTo(record.key());
    assertThat(capped.timestamp()).isEqualTo(42L);
    assertThat(capped.topic()).isEqualTo("argus.deadletter");
    assertThat(new String(capped.headers().lastHeader(DeadLetterHeaders.MESSAGE).value()))
        .isEqualTo("bad");
    assertThat(
            new String(
                capped.headers().lastHeader(DeadLetterHeaders.VALUE_TRUNCATED).value(),
                StandardCharsets.UTF_8))
        .isEqualTo(Integer.toString(3 * 1024 * 1024));
  }

  @Test
  void aTombstoneStaysOne() {
    var tombstone = new ProducerRecord<byte[], byte[]>("argus.deadletter", new byte[] {1}, null);

    assertThat(DeadLetterSize.capped(List.of(tombstone))).containsExactly(tombstone);
  }
}
