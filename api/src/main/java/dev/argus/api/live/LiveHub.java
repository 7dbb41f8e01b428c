package dev.argus.api.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code WS /ws}: every client of this replica and the fan-out of the feed's messages to them. Each
 * message is written as JSON once and queued to every client that asked for its type; a client that
 * falls {@code ARGUS_API_LIVE_SEND_QUEUE} messages behind is closed (1008), never waited for.
 *
 * <p>The handshake passed the security chain like any request. Nothing here logs a session or its
 * URI, which may hold the key ({@code api_key}), and no exception leaves the handler (Spring would
 * log the session with it). Clients send nothing; what they send is ignored.
 */
@Component
class LiveHub extends TextWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

  private final JsonMapper json;
  private final int queueSize;
  private final Duration sendTimeout;
  private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

  LiveHub(JsonMapper json, LiveProperties properties) {
    this.json = json;
    this.queueSize = properties.sendQueue();
    this.sendTimeout = properties.sendTimeout();
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    LiveSession live =
        new LiveSession(session, LiveTypesInterceptor.typesOf(session), queueSize, sendTimeout);
    sessions.put(session.getId(), live);
    live.start();
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    LiveSession live = sessions.remove(session.getId());
    if (live != null) {
      live.stop();
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    // The client went away; afterConnectionClosed follows.
  }

  /** Sends {@code message} to every client that wants its type. */
  void publish(LiveType type, LiveMessage message) {
    if (sessions.isEmpty()) {
      return;
    }
    TextMessage text;
    try {
      text = new TextMessage(json.writeValueAsString(message));
    } catch (RuntimeException e) {
      log.warn("Cannot write a {} message: {}", type.wireName(), e.toString());
      return;
    }
    sessions.forEach(
        (id, live) -> {
          if (live.wants(type) && !live.offer(text)) {
            sessions.remove(id);
            live.close(LiveSession.TOO_SLOW);
          }
        });
  }

  /** Clients connected to this replica now. */
  int clients() {
    return sessions.size();
  }
}
