package dev.argus.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.protect.ProtectException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateFramesTest {

  private static final ProtectUpdate MOTION =
      new ProtectUpdate(
          "add",
          "3f1c2a9e-0001",
          "event",
          "66a0b1",
          Map.of(
              "type",
              "smartDetectZone",
              "camera",
              "cam-1",
              "start",
              1_733_000_000_000L,
              "score",
              87,
              "smartDetectTypes",
              List.of("person")));

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aMessageDecodesToWhatWasEncoded(boolean deflated) throws Exception {
    byte[] message = UpdateFrames.encode(MOTION, deflated);

    ProtectUpdate decoded = UpdateFrames.decode(message);

    assertThat(decoded).isEqualTo(MOTION);
    assertThat(message[2]).isEqualTo((byte) (deflated ? 1 : 0));
  }

  @Test
  void theHeaderIsBigEndianTypeFormatDeflatedReservedSize() {
    byte[] message = UpdateFrames.encode(MOTION, false);
    ByteBuffer buffer = ByteBuffer.wrap(message);

    assertThat(buffer.get()).isEqualTo((byte) 1);
    assertThat(buffer.get()).isEqualTo((byte) 1);
    assertThat(buffer.get()).isEqualTo((byte) 0);
    assertThat(buffer.get()).isEqualTo((byte) 0);
    int actionSize = buffer.getInt();
    byte[] action = new byte[actionSize];
    buffer.get(action);
    assertThat(new String(action, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"action\":\"add\",\"newUpdateId\":\"3f1c2a9e-0001\",\"modelKey\":\"event\",\"id\":\"66a0b1\"}");
    assertThat(buffer.get()).isEqualTo((byte) 2);
    assertThat(buffer.get()).isEqualTo((byte) 1);
    buffer.getShort();
    assertThat(buffer.getInt()).isEqualTo(buffer.remaining());
  }

  @Test
  void aDataFrameInAnotherFormatDecodesToNoData() throws Exception {
    byte[] action =
        UpdateFrames.frame(
            UpdateFrames.ACTION,
            UpdateFrames.JSON,
            false,
            "{\"action\":\"update\",\"newUpdateId\":\"u2\",\"modelKey\":\"nvr\",\"id\":\"n1\"}"
                .getBytes(StandardCharsets.UTF_8));
    byte[] data =
        UpdateFrames.frame(UpdateFrames.DATA, UpdateFrames.BUFFER, true, new byte[] {1, 2, 3});

    ProtectUpdate decoded = UpdateFrames.decode(concat(action, data));

    assertThat(decoded).isEqualTo(new ProtectUpdate("update", "u2", "nvr", "n1", Map.of()));
  }

  @Test
  void aTruncatedMessageIsABadAnswer() {
    byte[] message = UpdateFrames.encode(MOTION, true);

    assertBad(Arrays.copyOf(message, 5), "a truncated action frame header (5 bytes)");
    assertBad(Arrays.copyOf(message, 12), "a truncated action frame");
    assertBad(Arrays.copyOf(message, message.length - 1), "a truncated data frame");
  }

  @Test
  void bytesAfterTheDataFrameAreABadAnswer() {
    byte[] message = UpdateFrames.encode(MOTION, false);

    assertBad(concat(message, new byte[] {0}), "1 bytes after the data frame");
  }

  @Test
  void aSizeBeyondTheLimitIsABadAnswer() {
    byte[] message = UpdateFrames.encode(MOTION, false);
    ByteBuffer.wrap(message).putInt(4, UpdateFrames.MAX_PAYLOAD_BYTES + 1);

    assertBad(message, "an action frame of 8388609 bytes (at most 8 MB)");
  }

  @Test
  void aNegativeSizeIsABadAnswer() {
    byte[] message = UpdateFrames.encode(MOTION, false);
    ByteBuffer.wrap(message).putInt(4, -1);

    assertBad(message, "an action frame of 4294967295 bytes");
  }

  @Test
  void aDeflatedPayloadThatInflatesBeyondTheLimitIsABadAnswer() {
    byte[] zeros = new byte[UpdateFrames.MAX_INFLATED_BYTES + 1];
    byte[] action =
        UpdateFrames.frame(
            UpdateFrames.ACTION,
            UpdateFrames.JSON,
            false,
            "{\"action\":\"add\"}".getBytes(StandardCharsets.UTF_8));
    byte[] bomb = UpdateFrames.frame(UpdateFrames.DATA, UpdateFrames.JSON, true, zeros);

    assertBad(concat(action, bomb), "larger than 16 MB once inflated");
  }

  @Test
  void badHeadersAreBadAnswers() {
    byte[] swapped = UpdateFrames.encode(MOTION, false);
    swapped[0] = 2;
    byte[] format = UpdateFrames.encode(MOTION, false);
    format[1] = 9;
    byte[] flag = UpdateFrames.encode(MOTION, false);
    flag[2] = 7;

    assertBad(swapped, "packet type 2 where the action frame (1) was due");
    assertBad(format, "payload format 9 in the action frame");
    assertBad(flag, "deflated flag 7 in the action frame");
  }

  @Test
  void aPayloadFlaggedDeflatedThatIsNotZlibIsABadAnswer() {
    byte[] message = UpdateFrames.encode(MOTION, false);
    message[2] = 1;

    assertBad(message, "an action payload that is not zlib data");
  }

  @Test
  void anActionThatIsNotAJsonObjectIsABadAnswer() {
    byte[] action =
        UpdateFrames.frame(
            UpdateFrames.ACTION,
            UpdateFrames.JSON,
            false,
            "[1,2]".getBytes(StandardCharsets.UTF_8));
    byte[] data =
        UpdateFrames.frame(
            UpdateFrames.DATA, UpdateFrames.JSON, false, "{}".getBytes(StandardCharsets.UTF_8));

    assertBad(concat(action, data), "an action frame that is not a JSON object: [1,2]");
  }

  private static void assertBad(byte[] message, String detail) {
    assertThatThrownBy(() -> UpdateFrames.decode(message))
        .isInstanceOfSatisfying(
            ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_ANSWER))
        .hasMessageStartingWith("the updates stream sent ")
        .hasMessageContaining(detail);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
