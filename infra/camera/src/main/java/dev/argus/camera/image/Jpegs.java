package dev.argus.camera.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * JPEG encoding of frames within a width bound: event frames (≤ 640 px, quality 0.8), thumbnails (≤
 * 320 px) and the connection test's preview (≤ 160 px).
 */
public final class Jpegs {

  private Jpegs() {}

  /**
   * @param quality 0 (smallest) to 1 (best)
   * @param maxWidth the image is scaled down to this width when wider, aspect kept
   */
  public static byte[] encode(BufferedImage image, float quality, int maxWidth) {
    if (!(quality >= 0f && quality <= 1f)) {
      throw new IllegalArgumentException("quality must be between 0 and 1, got " + quality);
    }
    // The JPEG writer takes no alpha channel; fitWidth hands it three bytes per pixel.
    BufferedImage fitted = Images.fitWidth(image, maxWidth);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(fitted.getWidth() * fitted.getHeight() / 4);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(fitted, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a JPEG in memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** {@link #encode} as base64, the form JSON bodies carry. */
  public static String base64(BufferedImage image, float quality, int maxWidth) {
    return Base64.getEncoder().encodeToString(encode(image, quality, maxWidth));
  }
}
