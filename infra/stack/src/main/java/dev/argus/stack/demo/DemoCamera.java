package dev.argus.stack.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.argus.camera.image.Jpegs;
import dev.argus.camera.scene.SyntheticScene;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;

/**
 * The demo's camera: a snapshot camera on loopback that needs nothing installed. {@code GET
 * /snapshot.jpg} answers the {@link SyntheticScene} as it is now — a still yard in which a red box
 * moves for {@link #MOVING} at the start of every {@link #PERIOD} — so the collector's motion
 * detection sees real pixel changes, an event every period, and nothing in between.
 */
public final class DemoCamera implements AutoCloseable {

  /** How often something moves: longer than the demo camera's cooldown, so each is an event. */
  static final Duration PERIOD = Duration.ofSeconds(90);

  static final Duration MOVING = Duration.ofSeconds(6);

  private final HttpServer server;

  private DemoCamera(HttpServer server) {
    this.server = server;
  }

  /** Serves the scene on {@code port} of 127.0.0.1, the scene's time counted from now. */
  public static DemoCamera start(int port, Clock clock) throws IOException {
    SyntheticScene scene = SyntheticScene.repeating(640, 360, PERIOD, MOVING);
    Instant origin = clock.instant();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext(
        "/snapshot.jpg",
        exchange -> {
          try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())
                || !"/snapshot.jpg".equals(exchange.getRequestURI().getPath())) {
              reply(exchange, 404, "text/plain", "not found".getBytes());
              return;
            }
            Duration t = Duration.between(origin, clock.instant());
            reply(exchange, 200, "image/jpeg", Jpegs.encode(scene.frameAt(t), 0.8f, 640));
          }
        });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return new DemoCamera(server);
  }

  /** What to give {@code POST /api/v1/cameras} as the snapshot camera's {@code url}. */
  public String snapshotUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/snapshot.jpg";
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
