package dev.argus.llm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event framing and stamping, fed buffer by buffer as the HTTP client would. */
class TimedEventStreamTest {

  record Event(String name, String data, long arrival) {}

  private final List<Event> events = new ArrayList<>();

  private TimedEventStream stream(TimedEventStream.Framing framing) {
    TimedEventStream stream =
        new TimedEventStream(
            framing, (name, data, arrival) -> events.add(new Event(name, data, arrival)));
    stream.onSubscribe(
        new java.util.concurrent.Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    return stream;
  }

  private static List<ByteBuffer> bytes(String text) {
    return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anSseEventSplitAcrossBuffersIsStampedWithTheBufferThatCompletedIt() {
    TimedEventStream stream = stream(TimedEventStream.Framing.SSE);

    stream.onNext(bytes(": ping\n\nevent: message_start\ndata: {\"a\""));
    long afterFirst = System.nanoTime();
    stream.onNext(bytes(":1}\n\ndata: [DONE]\n\n"));
    stream.onComplete();

    assertThat(events).hasSize(2);
    assertThat(events.get(0).name()).isEqualTo("message_start");
    assertThat(events.get(0).data()).isEqualTo("{\"a\":1}");
    assertThat(events.get(0).arrival()).isGreaterThanOrEqualTo(afterFirst);
    assertThat(events.get(1).data()).isEqualTo("[DONE]");
    assertThat(events.get(1).arrival()).isEqualTo(events.get(0).arrival());
  }

  @Test
  void crlfLineEndsMultiLineDataAndAMissingLastBlankLine() {
    TimedEventStream stream = stream(TimedEventStream.Framing.SSE);

    stream.onNext(bytes("data: one\r\ndata: two\r\n\r\n:keep-alive\r\n\r\ndata: last"));
    stream.onComplete();

    assertThat(events).extracting(Event::data).containsExactly("one\ntwo", "last");
    assertThat(events).extracting(Event::name).containsOnlyNulls();
  }

  @Test
  void aMultiByteCharacterSplitAcrossBuffersSurvives() {
    TimedEventStream stream = stream(TimedEventStream.Framing.NDJSON);
    byte[] line = "{\"t\":\"café ☕\"}\n".getBytes(StandardCharsets.UTF_8);

    for (byte b : line) {
      stream.onNext(List.of(ByteBuffer.wrap(new byte[] {b})));
    }
    stream.onComplete();

    assertThat(events).extracting(Event::data).containsExactly("{\"t\":\"café ☕\"}");
  }

  @Test
  void ndjsonLinesAreEventsAndBlankLinesAreSkipped() {
    TimedEventStream stream = stream(TimedEventStream.Framing.NDJSON);

    stream.onNext(bytes("{\"a\":1}\n\n{\"b\""));
    stream.onNext(bytes(":2}\n{\"c\":3}"));
    stream.onComplete();

    assertThat(events)
        .extracting(Event::data)
        .containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
  }
}
