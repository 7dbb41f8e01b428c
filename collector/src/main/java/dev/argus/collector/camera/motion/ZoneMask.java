package dev.argus.collector.camera.motion;

import dev.argus.contract.camera.DetectionZone;
import dev.argus.contract.camera.ZonePoint;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The pixels of a grey frame where motion counts: those whose centre lies inside one of the
 * camera's enabled detection zones (polygons in relative coordinates, rasterized at the grey size),
 * or every pixel when no zone is enabled.
 */
public final class ZoneMask {

  private final boolean[] watched;
  private final int watchedCount;

  private ZoneMask(boolean[] watched) {
    this.watched = watched;
    int count = 0;
    for (boolean pixel : watched) {
      if (pixel) {
        count++;
      }
    }
    this.watchedCount = count;
  }

  public static ZoneMask of(List<DetectionZone> zones, int width, int height) {
    List<Path2D> polygons = new ArrayList<>();
    for (DetectionZone zone : zones) {
      if (zone.enabled()) {
        polygons.add(polygon(zone.polygon(), width, height));
      }
    }
    boolean[] watched = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double cx = x + 0.5;
        double cy = y + 0.5;
        watched[y * width + x] =
            polygons.isEmpty() || polygons.stream().anyMatch(p -> p.contains(cx, cy));
      }
    }
    return new ZoneMask(watched);
  }

  private static Path2D polygon(List<ZonePoint> points, int width, int height) {
    var path = new Path2D.Double();
    path.moveTo(points.getFirst().x() * width, points.getFirst().y() * height);
    for (ZonePoint point : points.subList(1, points.size())) {
      path.lineTo(point.x() * width, point.y() * height);
    }
    path.closePath();
    return path;
  }

  public boolean watches(int index) {
    return watched[index];
  }

  /** How many pixels are watched; 0 when the zones cover no pixel centre. */
  public int watchedCount() {
    return watchedCount;
  }
}
