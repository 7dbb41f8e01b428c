package dev.argus.llm.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Splits a streamed body into events and stamps each with the arrival time of the network buffer
 * that completed it: {@link System#nanoTime()} is read first thing in {@link #onNext}, before any
 * byte is parsed, so parsing cost never shifts a measured time. SSE events end at a blank line
 * ({@code event:} and {@code data:} fields, {@code :} comment lines skipped as keep-alives); NDJSON
 * events are lines. A last event without its terminator is delivered when the body ends.
 */
final class TimedEventStream implements HttpResponse.BodySubscriber<Void> {

  enum Framing {
    SSE,
    NDJSON
  }

  /** Receives each event on the HTTP client's thread, in order. */
  interface Listener {
    /**
     * @param event the SSE {@code event:} name, or null (always null for NDJSON)
     * @param data the SSE data lines joined by newlines, or the NDJSON line
     */
    void onEvent(String event, String data, long arrivalNanos);
  }

  private final Framing framing;
  private final Listener listener;
  private final CompletableFuture<Void> body = new CompletableFuture<>();
  private byte[] pending = new byte[4096];
  private int pendingLength;
  private String eventName;
  private StringBuilder data;

  TimedEventStream(Framing framing, Listener listener) {
    this.framing = framing;
    this.listener = listener;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    long arrival = System.nanoTime();
    for (ByteBuffer buffer : buffers) {
      append(buffer);
    }
    int lineStart = 0;
    for (int i = 0; i < pendingLength; i++) {
      if (pending[i] == '\n') {
        line(lineStart, i, arrival);
        lineStart = i + 1;
      }
    }
    System.arraycopy(pending, lineStart, pending, 0, pendingLength - lineStart);
    pendingLength -= lineStart;
  }

  @Override
  public void onError(Throwable throwable) {
    body.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    long arrival = System.nanoTime();
    if (pendingLength > 0) {
      line(0, pendingLength, arrival);
      pendingLength = 0;
    }
    if (framing == Framing.SSE) {
      dispatch(arrival);
    }
    body.complete(null);
  }

  @Override
  public CompletionStage<Void> getBody() {
    return body;
  }

  private void append(ByteBuffer buffer) {
    int needed = pendingLength + buffer.remaining();
    if (needed > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
    }
    int length = buffer.remaining();
    buffer.get(pending, pendingLength, length);
    pendingLength += length;
  }

  /** One line, bytes {@code [from, to)} without the {@code \n} (a {@code \r} before it dropped). */
  private void line(int from, int to, long arrival) {
    int end = to > from && pending[to - 1] == '\r' ? to - 1 : to;
    String text = new String(pending, from, end - from, StandardCharsets.UTF_8);
    if (framing == Framing.NDJSON) {
      if (!text.isBlank()) {
        listener.onEvent(null, text, arrival);
      }
      return;
    }
    if (text.isEmpty()) {
      dispatch(arrival);
    } else if (text.charAt(0) != ':') {
      field(text);
    }
  }

  private void field(String line) {
    int colon = line.indexOf(':');
    String name = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (name.equals("event")) {
      eventName = value;
    } else if (name.equals("data")) {
      if (data == null) {
        data = new StringBuilder(value);
      } else {
        data.append('\n').append(value);
      }
    }
  }

  private void dispatch(long arrival) {
    if (data != null) {
      listener.onEvent(eventName, data.toString(), arrival);
    }
    eventName = null;
    data = null;
  }
}
