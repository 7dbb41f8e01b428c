package dev.argus.contract.camera;

/** A vertex of a detection zone in relative coordinates: 0..1 from the left and from the top. */
public record ZonePoint(double x, double y) {

  public ZonePoint {
    if (!(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
      throw new IllegalArgumentException("zone points are relative: 0 <= x, y <= 1");
    }
  }
}
