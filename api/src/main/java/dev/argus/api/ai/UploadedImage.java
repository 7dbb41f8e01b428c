package dev.argus.api.ai;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An uploaded image made fit for the chain: at most the configured size (413 above), readable by
 * ImageIO (JPEG, PNG, GIF, BMP; 422 otherwise), and sent as JPEG (other formats re-encoded, as the
 * vision requests carry JPEGs).
 */
final class UploadedImage {

  private UploadedImage() {}

  static byte[] jpeg(byte[] bytes, long maxBytes, String field) {
    if (bytes == null || bytes.length == 0) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, field + " is empty; send a JPEG or PNG image");
    }
    if (bytes.length > maxBytes) {
      throw new ResponseStatusException(
          HttpStatus.CONTENT_TOO_LARGE,
          field
              + " is "
              + bytes.length
              + " bytes; the limit is "
              + maxBytes
              + " (ARGUS_API_AI_MAX_IMAGE_SIZE)");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          field + " is not an image that can be read; send a JPEG, PNG, GIF or BMP");
    }
    return isJpeg(bytes) ? bytes : reencoded(image);
  }

  private static boolean isJpeg(byte[] bytes) {
    return bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
  }

  private static byte[] reencoded(BufferedImage image) {
    // JPEG has no alpha: draw onto an opaque RGB image first.
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = rgb.createGraphics();
    try {
      graphics.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(rgb, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
