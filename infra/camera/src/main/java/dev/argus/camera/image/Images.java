package dev.argus.camera.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Scaling and pixel layout of frames, with Java2D only. */
public final class Images {

  private Images() {}

  /**
   * The image at most {@code maxWidth} wide, aspect kept, both sides even (what video encoders and
   * ffmpeg's scaler produce), as {@link BufferedImage#TYPE_3BYTE_BGR}. An image already narrow
   * enough and of that type is returned as is; one narrow enough but of another type is converted.
   */
  public static BufferedImage fitWidth(BufferedImage image, int maxWidth) {
    if (maxWidth < 2) {
      throw new IllegalArgumentException("maxWidth must be at least 2, got " + maxWidth);
    }
    if (image.getWidth() <= maxWidth) {
      return image.getType() == BufferedImage.TYPE_3BYTE_BGR
          ? image
          : draw(image, image.getWidth(), image.getHeight());
    }
    int width = maxWidth & ~1;
    int height =
        Math.max(2, (int) Math.round((double) image.getHeight() * width / image.getWidth()) & ~1);
    BufferedImage current = image;
    // Halving first keeps bilinear filtering from skipping pixels on large reductions.
    while (current.getWidth() / 2 >= width) {
      current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }
}
