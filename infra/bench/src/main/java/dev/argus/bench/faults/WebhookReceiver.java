package dev.argus.bench.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook alert provider on loopback: it answers every POST with 204 and keeps what it was sent,
 * so that deliveries can be counted per alert (the webhook body's {@code event_id}) across every
 * api replica that sent one.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One delivery: which event, about what, of which type, when it happened and when it arrived. */
  record Delivery(
      String eventId, String subjectId, String eventType, Instant occurredAt, Instant receivedAt) {}

  private final HttpServer server;
  private final List<Delivery> received = new CopyOnWriteArrayList<>();
  private final List<String> unreadable = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange;
              InputStream body = exchange.getRequestBody()) {
            receiver.keep(body.readAllBytes());
            exchange.sendResponseHeaders(204, -1);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return receiver;
  }

  private void keep(byte[] body) {
    Instant receivedAt = Instant.now();
    try {
      JsonNode json = JSON.readTree(body);
      String timestamp = json.path("timestamp").asString(null);
      received.add(
          new Delivery(
              json.path("event_id").asString(null),
              json.path("subject_id").asString(null),
              json.path("event_type").asString(null),
              timestamp == null ? null : Instant.parse(timestamp),
              receivedAt));
    } catch (RuntimeException e) {
      unreadable.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The URL to give the webhook provider. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Every delivery so far, in arrival order, doubles included. */
  List<Delivery> deliveries() {
    return List.copyOf(received);
  }

  /** Bodies that were not JSON (none expected). */
  int unreadable() {
    return unreadable.size();
  }

  @Override
  public void close() {
    server.stop(0);
    if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
      pool.shutdownNow();
    }
  }
}
