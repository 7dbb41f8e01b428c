package dev.argus.api.llm.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code WS /api/v1/benchmarks/{id}/stream}: a run's progress and results as they happen, after
 * what already happened (see {@link BenchmarkStream}). An unknown run gets an {@code error} message
 * and the socket closes (4404). A text {@code ping} is answered {@code pong}; the server sends
 * {@code {"type": "ping"}} after {@link BenchmarkStreamProperties#pingInterval()} of silence.
 *
 * <p>The handshake passed the security chain like any request (a key with {@code read:models}, in
 * the {@code x-api-key} header or, since browsers cannot set headers on a WebSocket, the {@code
 * api_key} query parameter). Nothing here logs the session or its URI, which may hold that key, and
 * no exception leaves the handler (Spring would log the session with it).
 */
@Component
class BenchmarkStreamHandler extends TextWebSocketHandler implements DisposableBean {

  static final CloseStatus UNKNOWN_RUN = new CloseStatus(4404, "unknown benchmark run");
  private static final Pattern PATH =
      Pattern.compile(
          "/api/v1/benchmarks/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
              + "-[0-9a-fA-F]{12})/stream");
  private static final int SEND_TIME_LIMIT_MS = 10_000;
  private static final int SEND_BUFFER_LIMIT = 1 << 20;
  private static final Logger log = LoggerFactory.getLogger(BenchmarkStreamHandler.class);

  private final BenchmarkRepository runs;
  private final BenchmarkEventFeed feed;
  private final JsonMapper json;
  private final Clock clock;
  private final Duration pingInterval;
  private final Map<String, Subscription> open = new ConcurrentHashMap<>();
  private final ScheduledExecutorService pinger =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("argus-benchmark-pinger").daemon().factory());

  private record Subscription(
      BenchmarkStream stream, Consumer<dev.argus.contract.llm.BenchmarkEvent> listener) {}

  BenchmarkStreamHandler(
      BenchmarkRepository runs,
      BenchmarkEventFeed feed,
      JsonMapper json,
      Clock clock,
      BenchmarkStreamProperties properties) {
    this.runs = runs;
    this.feed = feed;
    this.json = json;
    this.clock = clock;
    this.pingInterval = properties.pingInterval();
    long checkMillis = Math.max(50, Math.min(1_000, pingInterval.toMillis() / 4));
    pinger.scheduleWithFixedDelay(
        this::pingQuietStreams, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession raw) {
    WebSocketSession session =
        new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
    Optional<UUID> runId = runIdOf(raw);
    BenchmarkStream stream =
        new BenchmarkStream(runId.map(UUID::toString).orElse(null), session, json, clock);
    try {
      Optional<BenchmarkRun> run = runId.flatMap(runs::find);
      if (run.isEmpty()) {
        stream.abort(
            "Benchmark run " + runId.map(UUID::toString).orElse("(not a UUID)") + " not found",
            UNKNOWN_RUN,
            clock.instant());
        return;
      }
      Consumer<dev.argus.contract.llm.BenchmarkEvent> listener = stream::live;
      open.put(raw.getId(), new Subscription(stream, listener));
      List<dev.argus.contract.llm.BenchmarkEvent> recent = feed.subscribe(stream.runId(), listener);
      stream.replay(run.get(), runs.results(runId.get()), recent, clock.instant());
    } catch (RuntimeException e) {
      log.warn("Cannot stream benchmark run {}: {}", stream.runId(), e.toString());
      stream.abort(
          "The run cannot be streamed now (database unavailable?); try again shortly",
          CloseStatus.SERVER_ERROR,
          clock.instant());
    }
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    Subscription subscription = open.get(session.getId());
    if (subscription != null && "ping".equals(message.getPayload().strip())) {
      subscription.stream().pong(clock.instant());
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    // The client went away; afterConnectionClosed follows.
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    Subscription subscription = open.remove(session.getId());
    if (subscription != null) {
      feed.unsubscribe(subscription.stream().runId(), subscription.listener());
    }
  }

  @Override
  public void destroy() {
    pinger.shutdownNow();
  }

  private void pingQuietStreams() {
    try {
      var now = clock.instant();
      open.values().forEach(s -> s.stream().pingIfQuiet(now, pingInterval));
    } catch (RuntimeException e) {
      log.warn("Benchmark stream pings failed: {}", e.toString());
    }
  }

  private static Optional<UUID> runIdOf(WebSocketSession session) {
    if (session.getUri() == null) {
      return Optional.empty();
    }
    Matcher matcher = PATH.matcher(session.getUri().getPath());
    return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
  }
}
