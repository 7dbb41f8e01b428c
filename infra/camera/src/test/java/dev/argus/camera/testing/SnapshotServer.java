package dev.argus.camera.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.argus.camera.image.Jpegs;
import dev.argus.camera.scene.SyntheticScene;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A snapshot camera on loopback: {@code GET /snapshot.jpg} answers the current picture of a {@link
 * SyntheticScene} (timed from the server's start) or, scripted, the next of a list of bodies (the
 * last repeats); every other path is 404. Optional basic auth; {@link #goAway()}/{@link
 * #comeBack()} for offline tests.
 */
public final class SnapshotServer extends LoopbackServer {

  public static final String PATH = "/snapshot.jpg";

  private final Supplier<byte[]> body;
  private final String contentType;
  private final AtomicInteger requests = new AtomicInteger();

  private SnapshotServer(Supplier<byte[]> body, String contentType) {
    super(PATH);
    this.body = body;
    this.contentType = contentType;
  }

  /** Serves {@code scene} as it is at the time of each request, as JPEG. */
  public static SnapshotServer of(SyntheticScene scene) {
    long started = System.nanoTime();
    return new SnapshotServer(
        () ->
            Jpegs.encode(
                scene.frameAt(Duration.ofNanos(System.nanoTime() - started)), 0.85f, scene.width()),
        "image/jpeg");
  }

  /** Serves {@code bodies} in turn, the last one from then on. */
  public static SnapshotServer scripted(List<byte[]> bodies, String contentType) {
    List<byte[]> copy = List.copyOf(bodies);
    AtomicInteger next = new AtomicInteger();
    return new SnapshotServer(
        () -> copy.get(Math.min(next.getAndIncrement(), copy.size() - 1)), contentType);
  }

  /** This server, asking for basic credentials from now on. */
  public SnapshotServer withBasicAuth(String user, String password) {
    requireBasicAuth(user, password);
    return this;
  }

  /** Requests answered with a picture so far. */
  public int requests() {
    return requests.get();
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    byte[] bytes = body.get();
    requests.incrementAndGet();
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
