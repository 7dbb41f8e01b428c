package dev.argus.camera.testing;

import com.sun.net.httpserver.HttpExchange;
import dev.argus.camera.image.Jpegs;
import dev.argus.camera.scene.SyntheticScene;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An MJPEG camera on loopback: {@code GET /video.mjpg} streams a {@link SyntheticScene} as {@code
 * multipart/x-mixed-replace} at a fixed rate, to any number of clients at once (each from frame 0);
 * every other path is 404. Optional basic auth; {@link #goAway()} ends every stream.
 */
public final class MjpegServer extends LoopbackServer {

  public static final String PATH = "/video.mjpg";
  private static final String BOUNDARY = "argusframe";

  private final SyntheticScene scene;
  private final double fps;
  private final AtomicInteger clients = new AtomicInteger();

  private MjpegServer(SyntheticScene scene, double fps) {
    super(PATH);
    this.scene = scene;
    this.fps = fps;
  }

  public static MjpegServer of(SyntheticScene scene, double fps) {
    return new MjpegServer(scene, fps);
  }

  /** This server, asking for basic credentials from now on. */
  public MjpegServer withBasicAuth(String user, String password) {
    requireBasicAuth(user, password);
    return this;
  }

  /** Clients that have connected so far. */
  public int clients() {
    return clients.get();
  }

  @Override
  void serve(HttpExchange exchange) throws IOException {
    clients.incrementAndGet();
    exchange
        .getResponseHeaders()
        .add("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    long intervalNanos = (long) (1e9 / fps);
    long next = System.nanoTime();
    try (OutputStream out = exchange.getResponseBody()) {
      for (long index = 0; !Thread.currentThread().isInterrupted(); index++) {
        byte[] jpeg = Jpegs.encode(scene.frame(index, fps), 0.85f, scene.width());
        String head =
            "--"
                + BOUNDARY
                + "\r\nContent-Type: image/jpeg\r\nContent-Length: "
                + jpeg.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        next += intervalNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }
}
