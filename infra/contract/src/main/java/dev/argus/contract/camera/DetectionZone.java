package dev.argus.contract.camera;

import java.util.List;

/**
 * A polygon of the picture where motion counts. A camera with no enabled zone watches the whole
 * picture; with zones, only pixels inside one of them are compared.
 *
 * @param polygon at least three vertices, relative coordinates
 */
public record DetectionZone(String name, List<ZonePoint> polygon, boolean enabled) {

  public DetectionZone {
    polygon = polygon == null ? List.of() : List.copyOf(polygon);
    if (polygon.size() < 3) {
      throw new IllegalArgumentException("a detection zone needs at least 3 points");
    }
  }
}
