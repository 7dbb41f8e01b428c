package dev.argus.llm.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Notes when the headers came and the status, then streams a 2xx body through {@link
 * TimedEventStream} and keeps the first {@value #MAX_ERROR_BYTES} bytes of any other body (the
 * provider's error document).
 */
final class MeasuringHandler implements HttpResponse.BodyHandler<Void> {

  static final int MAX_ERROR_BYTES = 16 * 1024;

  private final TimedEventStream.Framing framing;
  private final TimedEventStream.Listener listener;
  private volatile long headersNanos = -1;
  private volatile int status = -1;
  private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();

  MeasuringHandler(TimedEventStream.Framing framing, TimedEventStream.Listener listener) {
    this.framing = framing;
    this.listener = listener;
  }

  @Override
  public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
    headersNanos = System.nanoTime();
    status = info.statusCode();
    return successful() ? new TimedEventStream(framing, listener) : new ErrorBody();
  }

  /** When the headers arrived, or -1 when they did not. */
  long headersNanos() {
    return headersNanos;
  }

  /** The response status, or null when no response came. */
  Integer status() {
    return status < 0 ? null : status;
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }

  String errorText() {
    synchronized (errorBody) {
      return errorBody.toString(StandardCharsets.UTF_8);
    }
  }

  /** Collects a bounded error body; what exceeds the bound is read and dropped. */
  private final class ErrorBody implements HttpResponse.BodySubscriber<Void> {
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      synchronized (errorBody) {
        for (ByteBuffer buffer : buffers) {
          int room = MAX_ERROR_BYTES - errorBody.size();
          int take = Math.min(room, buffer.remaining());
          if (take > 0) {
            byte[] bytes = new byte[take];
            buffer.get(bytes);
            errorBody.write(bytes, 0, take);
          }
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      // What arrived is enough to quote; the status already says it failed.
      done.complete(null);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }
  }
}
