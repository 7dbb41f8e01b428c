package dev.argus.protect;

import dev.argus.protect.ProtectClient.Subscription;
import dev.argus.protect.ProtectClient.UpdateListener;
import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One updates websocket: binary message parts gathered until the last, decoded by {@link
 * UpdateFrames}, handed to the listener one at a time (the next is requested only when the listener
 * returns, so a slow listener slows the socket rather than filling memory).
 *
 * <p>A message that cannot be decoded is logged, counted and skipped: one odd frame (a payload kind
 * a newer firmware added, a corrupted message) must not cost the session its connection and the
 * events after it. {@value #GARBAGE_IN_A_ROW} undecodable messages in a row end the socket: then
 * the stream is not the protocol at all (a proxy's page, another service on the port), and reading
 * on would only hide that; the session reconnects and bootstraps, which says what is wrong.
 */
final class UpdatesSocket implements WebSocket.Listener, Subscription {

  private static final Logger log = LoggerFactory.getLogger(UpdatesSocket.class);

  static final int GARBAGE_IN_A_ROW = 5;
  static final int MAX_MESSAGE_BYTES =
      2 * (UpdateFrames.HEADER_BYTES + UpdateFrames.MAX_PAYLOAD_BYTES);

  private final String controller;
  private final UpdateListener listener;
  private final ByteArrayOutputStream parts = new ByteArrayOutputStream();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicLong undecodable = new AtomicLong();
  private boolean oversized;
  private int undecodableInARow;
  private volatile WebSocket socket;

  UpdatesSocket(String controller, UpdateListener listener) {
    this.controller = controller;
    this.listener = listener;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    if (!oversized) {
      if ((long) parts.size() + data.remaining() > MAX_MESSAGE_BYTES) {
        oversized = true;
        parts.reset();
      } else {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        parts.writeBytes(chunk);
      }
    }
    if (last) {
      if (oversized) {
        skip("a message larger than " + (MAX_MESSAGE_BYTES >> 20) + " MB");
      } else {
        deliver(parts.toByteArray());
      }
      parts.reset();
      oversized = false;
    }
    if (!ended.get()) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    log.debug("{}: a text message on the updates websocket, ignored", controller);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    if (statusCode == 1006) {
      // What the JDK reports when the connection ended without a close frame.
      end("connection lost (the socket closed without a close frame)");
      return null;
    }
    String why = reason == null || reason.isBlank() ? "" : " " + reason;
    end("closed by the controller (" + statusCode + why + ")");
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    String message =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    end("connection lost: " + message);
  }

  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      WebSocket current = socket;
      if (current != null) {
        current
            .sendClose(WebSocket.NORMAL_CLOSURE, "")
            .orTimeout(Duration.ofSeconds(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .whenComplete((sent, failure) -> current.abort());
      }
    }
  }

  @Override
  public long undecodableMessages() {
    return undecodable.get();
  }

  private void deliver(byte[] message) {
    ProtectUpdate update;
    try {
      update = UpdateFrames.decode(message);
    } catch (ProtectException e) {
      skip(e.getMessage());
      return;
    }
    undecodableInARow = 0;
    try {
      listener.onUpdate(update);
    } catch (RuntimeException e) {
      log.warn(
          "{}: the update listener failed on {} {}", controller, update.modelKey(), update.id(), e);
    }
  }

  private void skip(String why) {
    long total = undecodable.incrementAndGet();
    undecodableInARow++;
    log.warn("{}: skipped an update message ({} so far): {}", controller, total, why);
    if (undecodableInARow >= GARBAGE_IN_A_ROW) {
      end(GARBAGE_IN_A_ROW + " undecodable update messages in a row (last: " + why + ")");
      WebSocket current = socket;
      if (current != null) {
        current.abort();
      }
    }
  }

  private void end(String reason) {
    if (ended.compareAndSet(false, true)) {
      log.info("{}: updates websocket ended: {}", controller, reason);
      listener.onClosed(reason);
    }
  }
}
