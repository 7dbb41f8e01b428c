package dev.argus.collector.camera.motion;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A frame reduced to a small grey picture, one luma byte (0..255) per pixel, row by row. Motion is
 * judged on these: a 160x120 picture is 19,200 comparisons per frame instead of 300,000 at 640x480,
 * and the scaling averages away much of a camera's sensor noise.
 */
public record GreyFrame(int width, int height, byte[] luma) {

  public GreyFrame {
    if (width < 1 || height < 1 || luma == null || luma.length != width * height) {
      throw new IllegalArgumentException(
          "a grey frame of " + width + "x" + height + " needs " + width * height + " pixels");
    }
  }

  /**
   * Scales {@code image} to {@code width} x {@code height} (the aspect ratio is not kept: zones and
   * boxes are relative, so a stretched picture measures the same places) and takes its luma.
   */
  public static GreyFrame of(BufferedImage image, int width, int height) {
    // Drawn into RGB and converted by hand: drawing into TYPE_BYTE_GRAY goes through a linear grey
    // colour space, which darkens mid-tones and squeezes the differences in the shadows.
    var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = scaled.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(image, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }
    int[] rgb = scaled.getRGB(0, 0, width, height, null, 0, width);
    byte[] luma = new byte[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int r = (rgb[i] >> 16) & 0xff;
      int g = (rgb[i] >> 8) & 0xff;
      int b = rgb[i] & 0xff;
      // ITU-R BT.601 weights, as JPEG and most video decoders compute luma.
      luma[i] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
    }
    return new GreyFrame(width, height, luma);
  }

  /** The luma of pixel {@code index} (row by row), 0..255. */
  public int at(int index) {
    return luma[index] & 0xff;
  }
}
