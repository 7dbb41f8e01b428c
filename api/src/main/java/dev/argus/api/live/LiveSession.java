package dev.argus.api.live;

import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One client of {@code /ws}: the types it asked for and a bounded queue of messages that a thread
 * of its own sends in order. The feed only ever offers to the queue, so a slow client costs the
 * feed nothing; a client whose queue is full is closed instead.
 */
final class LiveSession {

  /** The client did not keep up: its queue overflowed or a send took too long. */
  static final CloseStatus TOO_SLOW =
      new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "too slow: messages were dropped");

  /** Tomcat's limit for one blocking send of a session (its default is 20 s). */
  private static final String TOMCAT_SEND_TIMEOUT =
      "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

  private final WebSocketSession session;
  private final Set<LiveType> types;
  private final BlockingQueue<TextMessage> queue;
  private final Thread sender;
  private volatile boolean closed;

  LiveSession(WebSocketSession session, Set<LiveType> types, int queueSize, Duration sendTimeout) {
    this.session = session;
    this.types = Set.copyOf(types);
    this.queue = new ArrayBlockingQueue<>(queueSize);
    nativeSendTimeout(session, sendTimeout);
    this.sender = Thread.ofVirtual().name("argus-live-" + session.getId()).unstarted(this::send);
  }

  void start() {
    sender.start();
  }

  boolean wants(LiveType type) {
    return types.contains(type);
  }

  /**
   * Queues {@code message} for this client.
   *
   * @return false when the queue is full: the client is too slow and should be closed
   */
  boolean offer(TextMessage message) {
    return closed || queue.offer(message);
  }

  /** Stops sending and closes the connection, on a thread of its own (a close may block). */
  void close(CloseStatus status) {
    if (closed) {
      return;
    }
    closed = true;
    sender.interrupt();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                session.close(status);
              } catch (IOException | RuntimeException e) {
                // Already gone.
              }
            });
  }

  /** The connection ended; the sender stops. */
  void stop() {
    closed = true;
    sender.interrupt();
  }

  private void send() {
    try {
      while (!closed) {
        TextMessage message = queue.take();
        session.sendMessage(message);
      }
    } catch (InterruptedException e) {
      // Closed.
    } catch (IOException | RuntimeException e) {
      // A send that failed or timed out: the client is gone or too slow.
      close(TOO_SLOW);
    }
  }

  private static void nativeSendTimeout(WebSocketSession session, Duration timeout) {
    if (session instanceof NativeWebSocketSession wrapper
        && wrapper.getNativeSession(jakarta.websocket.Session.class) instanceof Session container) {
      container.getUserProperties().put(TOMCAT_SEND_TIMEOUT, timeout.toMillis());
    }
  }
}
