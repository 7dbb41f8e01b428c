package dev.argus.camera.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 that can go away and come back on the same port, with
 * optional basic auth: what the snapshot and MJPEG fixtures share.
 */
abstract class LoopbackServer implements AutoCloseable {

  private final String path;
  private volatile String expectedAuthorization;
  private HttpServer server;
  private ExecutorService executor;
  private int port;

  LoopbackServer(String path) {
    this.path = path;
    bind(0);
  }

  /** Requires these credentials from now on: others get 401 with a Basic challenge. */
  void requireBasicAuth(String user, String password) {
    String pair = user + ":" + password;
    expectedAuthorization =
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public String url() {
    return "http://127.0.0.1:" + port + path;
  }

  public int port() {
    return port;
  }

  /** Stops listening: connections are refused until {@link #comeBack()}. */
  public synchronized void goAway() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  /** Listens again on the same port. */
  public synchronized void comeBack() {
    if (server == null) {
      bind(port);
    }
  }

  @Override
  public void close() {
    goAway();
  }

  /** Answers a request for {@code path} that passed the auth check. */
  abstract void serve(HttpExchange exchange) throws IOException;

  private synchronized void bind(int wanted) {
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on 127.0.0.1:" + wanted, e);
    }
    executor = Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r));
    server.setExecutor(executor);
    server.createContext("/", route());
    server.start();
    port = server.getAddress().getPort();
  }

  private HttpHandler route() {
    return exchange -> {
      try (exchange) {
        if (!exchange.getRequestURI().getPath().equals(path)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        String expected = expectedAuthorization;
        if (expected != null
            && !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"camera\"");
          exchange.sendResponseHeaders(401, -1);
          return;
        }
        serve(exchange);
      } catch (IOException clientLeft) {
        // A client that hangs up mid-answer is normal for a camera.
      }
    };
  }
}
