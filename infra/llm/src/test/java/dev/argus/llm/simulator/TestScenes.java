package dev.argus.llm.simulator;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Real JPEG frames of a camera scene for the vision tests: a 640×360 yard (a sky-to-grass gradient)
 * with, optionally, a dark red box somewhere, encoded by {@code javax.imageio}.
 */
public final class TestScenes {

  public static final int WIDTH = 640;
  public static final int HEIGHT = 360;
  public static final int BOX = 90;

  private TestScenes() {}

  /** The empty yard. */
  public static byte[] yard() {
    return jpeg(image(-1, -1));
  }

  /** The yard with the box's top-left corner at ({@code x}, {@code y}). */
  public static byte[] yardWithBox(int x, int y) {
    return jpeg(image(x, y));
  }

  /** The box near the right edge, half-way down. */
  public static byte[] boxAtRight() {
    return yardWithBox(WIDTH - BOX - 30, (HEIGHT - BOX) / 2);
  }

  /** The box near the left edge, half-way down. */
  public static byte[] boxAtLeft() {
    return yardWithBox(30, (HEIGHT - BOX) / 2);
  }

  /** One colour all over. */
  public static byte[] plain(Color colour) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.dispose();
    return jpeg(image);
  }

  private static BufferedImage image(int boxX, int boxY) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(
        new GradientPaint(0, 0, new Color(150, 190, 230), 0, HEIGHT, new Color(70, 140, 60)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    if (boxX >= 0) {
      g.setColor(new Color(120, 20, 20));
      g.fillRect(boxX, boxY, BOX, BOX);
    }
    g.dispose();
    return image;
  }

  private static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "jpg", out)) {
        throw new IllegalStateException("no JPEG writer");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
