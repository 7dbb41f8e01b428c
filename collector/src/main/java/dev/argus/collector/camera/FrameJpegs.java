package dev.argus.collector.camera;

import dev.argus.contract.camera.CapturedFrame;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes captured frames as JPEG with the JDK's ImageIO: at most a given width (scaled down
 * keeping the aspect ratio, never up), quality 0.8, which keeps a 640x480 frame near 40-60 KB.
 */
final class FrameJpegs {

  static final float QUALITY = 0.8f;

  private FrameJpegs() {}

  static CapturedFrame captured(Instant at, BufferedImage image, int maxWidth) {
    BufferedImage bounded = bounded(image, maxWidth);
    return new CapturedFrame(at, bounded.getWidth(), bounded.getHeight(), jpeg(bounded));
  }

  static byte[] jpeg(BufferedImage image, int maxWidth) {
    return jpeg(bounded(image, maxWidth));
  }

  // Always redrawn into plain RGB: the JPEG writer rejects images with alpha, and some decoders
  // hand out BGR or indexed images.
  private static BufferedImage bounded(BufferedImage image, int maxWidth) {
    int width = Math.min(image.getWidth(), maxWidth);
    int height =
        Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
    var rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = rgb.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(image, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }
    return rgb;
  }

  private static byte[] jpeg(BufferedImage rgb) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var bytes = new ByteArrayOutputStream();
    try (var output = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      writer.setOutput(output);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a frame as JPEG", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
