package dev.argus.camera.scene;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/**
 * A camera picture drawn with Java2D: a still yard (sky, ground, a shed, a tree) in which a red box
 * moves only during scripted intervals and rests where it stopped otherwise. Every pixel is a pure
 * function of the time into the scene, so a test or the demo's snapshot camera can say exactly when
 * there is motion and where. No clock or noise is drawn: a still scene has no changing pixel.
 *
 * @param movements when the box moves, as offsets from the scene's start (or from each period's
 *     start when {@code period} is given)
 * @param period the script repeats every period; null plays it once and then stays still
 * @param speed how far the box travels per second while moving, in pixels
 */
public record SyntheticScene(
    int width, int height, List<Movement> movements, Duration period, double speed) {

  /** The box moves from {@code start} (inclusive) to {@code end} (exclusive). */
  public record Movement(Duration start, Duration end) {
    public Movement {
      if (start.isNegative() || end.compareTo(start) <= 0) {
        throw new IllegalArgumentException(
            "a movement needs 0 <= start < end, got " + start + ".." + end);
      }
    }
  }

  public SyntheticScene {
    if (width < 32 || height < 32) {
      throw new IllegalArgumentException("a scene is at least 32x32, got " + width + "x" + height);
    }
    movements = List.copyOf(movements);
    if (period != null && (period.isZero() || period.isNegative())) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
  }

  /** Nothing ever moves. */
  public static SyntheticScene still(int width, int height) {
    return new SyntheticScene(width, height, List.of(), null, 0);
  }

  /** The box moves all the time. */
  public static SyntheticScene moving(int width, int height) {
    return new SyntheticScene(
        width,
        height,
        List.of(new Movement(Duration.ZERO, Duration.ofDays(3650))),
        null,
        width / 4.0);
  }

  /** The box moves for {@code moving} at the start of every {@code period}, then rests. */
  public static SyntheticScene repeating(int width, int height, Duration period, Duration moving) {
    return new SyntheticScene(
        width, height, List.of(new Movement(Duration.ZERO, moving)), period, width / 4.0);
  }

  /** Whether the box is moving at {@code t}. */
  public boolean movingAt(Duration t) {
    Duration local = local(t);
    return movements.stream()
        .anyMatch(m -> local.compareTo(m.start()) >= 0 && local.compareTo(m.end()) < 0);
  }

  /** The picture at {@code t} into the scene, as {@link BufferedImage#TYPE_3BYTE_BGR}. */
  public BufferedImage frameAt(Duration t) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      drawBackground(g);
      int[] box = boxAt(t);
      // Dark red: ~45 grey levels from the ground (a bright red is within 25 of it, under the
      // motion detector's pixel threshold, and would move unseen).
      g.setColor(new Color(140, 15, 15));
      g.fillRect(box[0], box[1], box[2], box[3]);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Frame {@code index} of a camera running at {@code fps}. */
  public BufferedImage frame(long index, double fps) {
    return frameAt(Duration.ofNanos((long) (index * 1e9 / fps)));
  }

  /** The box at {@code t} as {x, y, width, height} in pixels. */
  public int[] boxAt(Duration t) {
    int size = Math.max(8, Math.min(width, height) / 6);
    double travel = travelledSeconds(t) * speed;
    int span = Math.max(1, width - size);
    // Back and forth along the ground line.
    int lap = (int) (travel % (2.0 * span));
    int x = lap <= span ? lap : 2 * span - lap;
    int y = height * 3 / 4 - size / 2;
    return new int[] {x, y, size, size};
  }

  /** The seconds of movement up to {@code t}: the box's position depends on this alone. */
  double travelledSeconds(Duration t) {
    double seconds = 0;
    if (period != null) {
      long whole = t.toNanos() / period.toNanos();
      seconds += whole * movingWithin(period);
    }
    return seconds + movingWithin(local(t));
  }

  private double movingWithin(Duration upTo) {
    double seconds = 0;
    for (Movement m : movements) {
      Duration end = m.end().compareTo(upTo) < 0 ? m.end() : upTo;
      if (end.compareTo(m.start()) > 0) {
        seconds += end.minus(m.start()).toNanos() / 1e9;
      }
    }
    return seconds;
  }

  private Duration local(Duration t) {
    return period == null ? t : Duration.ofNanos(Math.floorMod(t.toNanos(), period.toNanos()));
  }

  private void drawBackground(Graphics2D g) {
    int horizon = height / 2;
    g.setPaint(
        new GradientPaint(0, 0, new Color(120, 170, 220), 0, horizon, new Color(200, 225, 245)));
    g.fillRect(0, 0, width, horizon);
    g.setPaint(new Color(90, 130, 70));
    g.fillRect(0, horizon, width, height - horizon);
    g.setPaint(new Color(150, 110, 80));
    g.fillRect(width / 10, horizon - height / 5, width / 4, height / 5 + height / 20);
    g.setPaint(new Color(100, 60, 40));
    g.fillRect(
        width / 10 + width / 10, horizon - height / 10, width / 20, height / 10 + height / 20);
    g.setPaint(new Color(110, 80, 50));
    g.fillRect(width * 3 / 4, horizon - height / 6, width / 40 + 1, height / 6);
    g.setPaint(new Color(50, 110, 50));
    g.fillOval(
        width * 3 / 4 - width / 16, horizon - height / 3, width / 8 + width / 40, height / 5);
  }
}
