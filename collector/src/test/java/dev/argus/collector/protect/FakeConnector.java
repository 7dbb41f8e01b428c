package dev.argus.collector.protect;

import dev.argus.protect.ProtectEndpoint;
import dev.argus.protect.ProtectException;
import dev.argus.protect.ProtectSession;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * Sessions that connect nowhere: each open is recorded with its listener, which the test drives as
 * a session would; snapshots are a 1280x720 JPEG (or fail when told), clip exports fail.
 */
final class FakeConnector implements ProtectConnector {

  final List<Opened> opened = new CopyOnWriteArrayList<>();
  volatile boolean snapshotsFail;

  record Opened(String name, ProtectEndpoint endpoint, ProtectSession.Listener listener) {}

  final List<String> closed = new CopyOnWriteArrayList<>();

  @Override
  public ProtectConnection open(
      String name, ProtectEndpoint endpoint, ProtectSession.Listener listener) {
    var record = new Opened(name, endpoint, listener);
    opened.add(record);
    return new ProtectConnection() {
      @Override
      public byte[] snapshot(String cameraId, Instant at) throws ProtectException {
        if (snapshotsFail) {
          throw new ProtectException(ProtectException.Kind.NOT_FOUND, "404 Not Found");
        }
        return jpeg(1280, 720);
      }

      @Override
      public byte[] exportClip(String cameraId, Instant start, Instant end)
          throws ProtectException {
        throw new ProtectException(ProtectException.Kind.BAD_ANSWER, "503 export unavailable");
      }

      @Override
      public void close() {
        closed.add(name + " " + endpoint.password());
      }
    };
  }

  ProtectSession.Listener last() {
    return opened.getLast().listener();
  }

  static byte[] jpeg(int width, int height) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(Color.ORANGE);
    graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
    graphics.dispose();
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
