package dev.argus.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's fan-out on its own: a client that stops reading fills its queue and is closed (1008)
 * while the others go on receiving, and publishing never waits for it.
 */
class LiveHubTest {

  private static final int QUEUE = 3;

  private final LiveHub hub =
      new LiveHub(JsonMapper.builder().build(), new LiveProperties(QUEUE, Duration.ofSeconds(5)));

  @Test
  void aClientThatStopsReadingIsClosedAndTheOthersGoOn() throws Exception {
    // Given: a client whose sends block (it stopped reading) and one that reads
    Session stuck = new Session("stuck", true);
    Session reading = new Session("reading", false);
    hub.afterConnectionEstablished(stuck);
    hub.afterConnectionEstablished(reading);

    // When: more messages than the queue holds, plus the one being sent; the reading client
    // receives each before the next is published, so only the stuck one falls behind
    int published = QUEUE + 2;
    List<String> received = new ArrayList<>();
    for (int i = 0; i < published; i++) {
      hub.publish(LiveType.CAMERA_STATUS, message(i));
      String text = reading.sent.poll(10, TimeUnit.SECONDS);
      assertThat(text).as("message %d", i).isNotNull();
      received.add(text);
    }

    // Then
    assertThat(stuck.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(stuck.closeStatus).isEqualTo(LiveSession.TOO_SLOW);
    assertThat(hub.clients()).isEqualTo(1);
    assertThat(received.getFirst()).contains("\"type\":\"camera.status\"").contains("\"n\":0");
    assertThat(received.getLast()).contains("\"n\":" + (published - 1));
    assertThat(reading.closeStatus).isNull();
    stuck.release.countDown();
  }

  @Test
  void aClientGetsOnlyItsTypes() throws Exception {
    Session statusOnly = new Session("status-only", false);
    statusOnly.getAttributes().put(LiveTypesInterceptor.TYPES, EnumSet.of(LiveType.CAMERA_STATUS));
    hub.afterConnectionEstablished(statusOnly);

    hub.publish(LiveType.EVENT_CREATED, message(1));
    hub.publish(LiveType.CAMERA_STATUS, message(2));

    assertThat(statusOnly.sent.poll(10, TimeUnit.SECONDS)).contains("\"n\":2");
  }

  private static LiveMessage message(int n) {
    return new LiveMessage("camera.status", Map.of("n", n), Instant.EPOCH);
  }

  /** A connection as the hub sees it; a stuck one blocks in every send, as a full socket would. */
  private static final class Session implements WebSocketSession {

    final LinkedBlockingQueue<String> sent = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final String id;
    private final boolean stuck;
    volatile CloseStatus closeStatus;

    Session(String id, boolean stuck) {
      this.id = id;
      this.stuck = stuck;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) {
      if (stuck) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      sent.add((String) message.getPayload());
    }

    @Override
    public void close(CloseStatus status) {
      closeStatus = status;
      closed.countDown();
    }

    @Override
    public void close() {
      close(CloseStatus.NORMAL);
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public Map<String, Object> getAttributes() {
      return attributes;
    }

    @Override
    public boolean isOpen() {
      return closeStatus == null;
    }

    @Override
    public URI getUri() {
      return URI.create("ws://127.0.0.1/ws");
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
      return new HttpHeaders();
    }

    @Override
    public Principal getPrincipal() {
      return null;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return null;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return null;
    }

    @Override
    public String getAcceptedProtocol() {
      return null;
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {}

    @Override
    public int getTextMessageSizeLimit() {
      return 0;
    }

    @Override
    public void setBinaryMessageSizeLimit(int messageSizeLimit) {}

    @Override
    public int getBinaryMessageSizeLimit() {
      return 0;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
      return List.of();
    }
  }
}
