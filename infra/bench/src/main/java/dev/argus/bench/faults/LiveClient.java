package dev.argus.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dashboard's view of one api replica: a WebSocket on {@code /ws} (the JDK's client) that keeps
 * every {@code notification.new} it receives, so that two replicas' clients can be compared.
 */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One notification: the event's id, its subject and type. */
  record Notification(String eventId, String subject, String type) {}

  private final List<Notification> notifications = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  static LiveClient open(ApiReplica replica, String key) {
    LiveClient client = new LiveClient();
    URI uri = replica.webSocket("types=notification.new");
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("x-api-key", key)
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, client)
            .join();
    return client;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      JsonNode message = JSON.readTree(partial.toString());
      partial.setLength(0);
      if ("notification.new".equals(message.path("type").asString(null))) {
        JsonNode event = message.path("data");
        notifications.add(
            new Notification(
                event.path("id").asString(null),
                event.path("subject").asString(null),
                event.path("type").asString(null)));
      }
    }
    webSocket.request(1);
    return null;
  }

  List<Notification> notifications() {
    return List.copyOf(notifications);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
