package dev.argus.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client as any program would open one: the JDK's {@code java.net.http.WebSocket},
 * collecting the text messages it receives and how the server closed the connection.
 */
public final class WebSocketClient implements WebSocket.Listener, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  /** Opens {@code uri}, with header name/value pairs; throws the handshake's failure. */
  public static WebSocketClient open(URI uri, String... headers) {
    WebSocketClient client = new WebSocketClient();
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    builder.connectTimeout(Duration.ofSeconds(10));
    client.socket = builder.buildAsync(uri, client).join();
    return client;
  }

  /** The HTTP status the server refused the handshake with. */
  public static int refusedStatus(URI uri, String... headers) {
    try (WebSocketClient unexpected = open(uri, headers)) {
      throw new AssertionError("the handshake of " + uri.getPath() + " was accepted");
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next text message as it came (waits up to 30 s). */
  public String nextText() {
    try {
      String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + WAIT);
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The next JSON message that is not a server ping. */
  public JsonNode next() {
    while (true) {
      JsonNode message = JSON.readTree(nextText());
      if (!"ping".equals(message.path("type").asString())) {
        return message;
      }
    }
  }

  /** The close code the server sent (waits up to 30 s). */
  public int closeCode() {
    return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
  }
}
