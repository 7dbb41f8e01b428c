package dev.argus.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.argus.camera.image.Jpegs;
import dev.argus.camera.scene.SyntheticScene;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;

/**
 * An MJPEG camera on loopback whose {@link SyntheticScene} runs on the wall clock from when the
 * server started (not from each client's connection, unlike {@code infra/camera}'s {@code
 * MjpegServer}), so the benchmark knows when motion started: for every period of the scene, the
 * wall-clock instant at which the first frame showing the box moved was written and flushed to a
 * client. That instant is the origin of the motion → {@code event.created} latency.
 */
final class ScriptedMjpegCamera implements AutoCloseable {

  static final String PATH = "/video.mjpg";
  private static final String BOUNDARY = "argusframe";

  private final SyntheticScene scene;
  private final double fps;
  private final long startNanos = System.nanoTime();
  private final Instant startInstant = Instant.now();
  private final NavigableMap<Long, Instant> motionStarts = new ConcurrentSkipListMap<>();
  private final HttpServer server;

  ScriptedMjpegCamera(SyntheticScene scene, double fps) throws IOException {
    this.scene = scene;
    this.fps = fps;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        PATH,
        exchange -> {
          try (exchange) {
            stream(exchange);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Period index → when the first frame showing that period's movement was flushed. */
  Map<Long, Instant> motionStarts() {
    return Map.copyOf(motionStarts);
  }

  private void stream(HttpExchange exchange) throws IOException {
    exchange
        .getResponseHeaders()
        .add("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    long intervalNanos = (long) (1e9 / fps);
    OutputStream out = exchange.getResponseBody();
    // Frames on the scene's clock: the client joins the scene where it is now.
    long index = (System.nanoTime() - startNanos) / intervalNanos + 1;
    int[] encodedBox = null;
    byte[] jpeg = null;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        long due = startNanos + index * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        Duration t = Duration.ofNanos(index * intervalNanos);
        int[] box = scene.boxAt(t);
        if (!Arrays.equals(box, encodedBox)) {
          // Only the box changes the picture: a resting box is encoded once.
          jpeg = Jpegs.encode(scene.frameAt(t), 0.85f, scene.width());
          encodedBox = box;
        }
        out.write(
            ("--"
                    + BOUNDARY
                    + "\r\nContent-Type: image/jpeg\r\nContent-Length: "
                    + jpeg.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (firstMovedFrame(scene, index, intervalNanos)) {
          Instant flushed = startInstant.plusNanos(System.nanoTime() - startNanos);
          motionStarts.putIfAbsent(t.toNanos() / scene.period().toNanos(), flushed);
        }
        index++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientLeft) {
      // The collector closed the stream (camera stopped or reconnecting).
    }
  }

  /** Frame {@code index} shows the box moved, and the frame before showed it at rest. */
  static boolean firstMovedFrame(SyntheticScene scene, long index, long intervalNanos) {
    if (index < 2) {
      return false;
    }
    int[] now = scene.boxAt(Duration.ofNanos(index * intervalNanos));
    int[] before = scene.boxAt(Duration.ofNanos((index - 1) * intervalNanos));
    int[] earlier = scene.boxAt(Duration.ofNanos((index - 2) * intervalNanos));
    return !Arrays.equals(now, before) && Arrays.equals(before, earlier);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
