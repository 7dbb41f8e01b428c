package dev.argus.llm.simulator;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a simulated vision model answers: a description computed from the pixels it received,
 * labelled {@code [simulated]}. With several frames it compares the first and the last on a small
 * grey grid and says where the picture changed (left/centre/right, top/middle/bottom) and how large
 * a share of it; with one frame it gives the scene's brightness and dominant colour and says that
 * one frame shows no movement. It recognises nothing, so it never names an object: {@code objects:
 * []}, {@code detection_type: "motion"}, as JSON the way the description prompt asks.
 */
final class PixelDescriber {

  static final String LABEL = "[simulated]";

  /** Grid width the frames are compared at (height from the aspect ratio). */
  private static final int GRID_WIDTH = 64;

  /** A grey-level difference (0..255) above which a grid cell has changed. */
  private static final int CHANGED = 28;

  /** The smallest region, in grid cells, that counts as a change rather than noise. */
  private static final int MIN_REGION_CELLS = 3;

  private static final int MAX_REGIONS = 3;

  private PixelDescriber() {}

  /** A frame that is not an image the JDK can decode. */
  static final class Undecodable extends Exception {
    Undecodable(String message) {
      super(message, null, false, false);
    }
  }

  /** The decoded frames, in order. */
  static List<BufferedImage> decode(List<byte[]> images) throws Undecodable {
    List<BufferedImage> frames = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      BufferedImage image;
      try {
        image = ImageIO.read(new ByteArrayInputStream(images.get(i)));
      } catch (IOException | RuntimeException e) {
        image = null;
      }
      if (image == null) {
        throw new Undecodable(
            "image " + (i + 1) + " of " + images.size() + " is not a JPEG or PNG (simulated)");
      }
      frames.add(image);
    }
    return frames;
  }

  /** The answer's text: the JSON document the description prompt asks for. */
  static String answer(List<BufferedImage> frames) {
    ObjectNode answer = Dialect.object().put("description", describe(frames));
    answer.putArray("objects");
    answer.put("detection_type", "motion");
    return Dialect.JSON.writeValueAsString(answer);
  }

  static String describe(List<BufferedImage> frames) {
    BufferedImage first = frames.getFirst();
    String size = first.getWidth() + "×" + first.getHeight();
    if (frames.size() == 1) {
      return LABEL
          + " One frame of "
          + size
          + ": "
          + scene(first)
          + ". A single frame shows no movement; the simulator recognises no objects.";
    }
    List<Region> regions = changes(first, frames.getLast());
    String head = LABEL + " " + frames.size() + " frames of " + size + ": ";
    if (regions.isEmpty()) {
      return head + "no visible change between the first and the last frame.";
    }
    StringBuilder text = new StringBuilder(head);
    text.append(
        regions.size() == 1
            ? "the picture changed between the first and the last frame at the "
            : "the picture changed in "
                + regions.size()
                + " places between the first and the last frame: at the ");
    for (int i = 0; i < regions.size(); i++) {
      Region region = regions.get(i);
      if (i > 0) {
        text.append(i == regions.size() - 1 ? " and at the " : ", at the ");
      }
      text.append(region.where()).append(" (").append(region.share()).append(" of the picture)");
    }
    return text.append("; the simulator recognises no objects.").toString();
  }

  /** The regions where {@code last} differs from {@code first}, largest first. */
  private static List<Region> changes(BufferedImage first, BufferedImage last) {
    int width = GRID_WIDTH;
    int height = Math.max(1, Math.round(GRID_WIDTH * first.getHeight() / (float) first.getWidth()));
    int[][] a = grey(first, width, height);
    int[][] b = grey(last, width, height);
    boolean[][] changed = new boolean[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        changed[y][x] = Math.abs(a[y][x] - b[y][x]) > CHANGED;
      }
    }
    List<Region> regions = new ArrayList<>();
    boolean[][] seen = new boolean[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (changed[y][x] && !seen[y][x]) {
          Region region = flood(changed, seen, x, y, width, height);
          if (region.cells() >= MIN_REGION_CELLS) {
            regions.add(region);
          }
        }
      }
    }
    regions.sort(Comparator.comparingInt(Region::cells).reversed());
    return regions.subList(0, Math.min(MAX_REGIONS, regions.size()));
  }

  /** The connected changed cells around ({@code x}, {@code y}), 8-connected. */
  private static Region flood(
      boolean[][] changed, boolean[][] seen, int x0, int y0, int width, int height) {
    ArrayDeque<int[]> todo = new ArrayDeque<>();
    todo.push(new int[] {x0, y0});
    seen[y0][x0] = true;
    long sumX = 0;
    long sumY = 0;
    int cells = 0;
    while (!todo.isEmpty()) {
      int[] cell = todo.pop();
      cells++;
      sumX += cell[0];
      sumY += cell[1];
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int x = cell[0] + dx;
          int y = cell[1] + dy;
          if (x >= 0 && y >= 0 && x < width && y < height && changed[y][x] && !seen[y][x]) {
            seen[y][x] = true;
            todo.push(new int[] {x, y});
          }
        }
      }
    }
    double cx = (sumX / (double) cells + 0.5) / width;
    double cy = (sumY / (double) cells + 0.5) / height;
    return new Region(cells, cells / (double) (width * height), cx, cy);
  }

  /** A changed region: its size and its centre, relative (0..1). */
  private record Region(int cells, double fraction, double centreX, double centreY) {

    String where() {
      String across = centreX < 1 / 3.0 ? "left" : centreX < 2 / 3.0 ? "centre" : "right";
      String down = centreY < 1 / 3.0 ? "top" : centreY < 2 / 3.0 ? "middle" : "bottom";
      if (across.equals("centre") && down.equals("middle")) {
        return "centre";
      }
      return down + " " + across;
    }

    String share() {
      double percent = fraction * 100;
      return percent < 1 ? "under 1%" : Math.round(percent) + "%";
    }
  }

  /** The frame's grey levels on a {@code width}×{@code height} grid (area-averaged). */
  private static int[][] grey(BufferedImage image, int width, int height) {
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(
        image.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    int[][] levels = new int[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        levels[y][x] = small.getRaster().getSample(x, y, 0);
      }
    }
    return levels;
  }

  /** The scene's brightness and dominant colour, e.g. {@code a bright scene, mostly green}. */
  private static String scene(BufferedImage image) {
    int step = Math.max(1, Math.max(image.getWidth(), image.getHeight()) / 160);
    long pixels = 0;
    double luma = 0;
    int saturated = 0;
    int[] hues = new int[HUES.length];
    float[] hsb = new float[3];
    for (int y = 0; y < image.getHeight(); y += step) {
      for (int x = 0; x < image.getWidth(); x += step) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        pixels++;
        luma += 0.299 * r + 0.587 * g + 0.114 * b;
        java.awt.Color.RGBtoHSB(r, g, b, hsb);
        if (hsb[1] > 0.25f && hsb[2] > 0.2f) {
          saturated++;
          hues[Math.round(hsb[0] * HUES.length) % HUES.length]++;
        }
      }
    }
    double mean = luma / pixels;
    String light =
        mean < 50 ? "a dark" : mean < 100 ? "a dim" : mean < 170 ? "a moderately lit" : "a bright";
    String colour;
    if (saturated < pixels / 5) {
      colour = mean < 50 ? "mostly black" : mean > 200 ? "mostly white" : "mostly grey tones";
    } else {
      int best = 0;
      for (int i = 1; i < hues.length; i++) {
        best = hues[i] > hues[best] ? i : best;
      }
      colour = "mostly " + HUES[best];
    }
    return String.format(
        Locale.ROOT, "%s scene (mean brightness %.0f of 255), %s", light, mean, colour);
  }

  /** Hue names around the colour wheel, in equal steps from red. */
  private static final String[] HUES = {
    "red",
    "orange",
    "yellow",
    "yellow-green",
    "green",
    "green",
    "cyan",
    "azure",
    "blue",
    "purple",
    "magenta",
    "pink"
  };
}
