package dev.argus.bench.faults;

import java.util.List;

/**
 * The least-squares slope of a series of samples, per hour: how fast a figure (consumer lag, a
 * process's memory, the database's size) grows over a soak. A figure that is flat has a slope near
 * 0; one that leaks or falls behind has a slope that stays positive however long the run.
 */
final class Slope {

  /** One sample: seconds since the start of the soak, and the figure then. */
  record Point(double seconds, double value) {}

  private Slope() {}

  /** Units of the figure per hour; NaN with fewer than two samples or all at one instant. */
  static double perHour(List<Point> points) {
    int n = points.size();
    if (n < 2) {
      return Double.NaN;
    }
    double meanT = points.stream().mapToDouble(Point::seconds).average().orElseThrow();
    double meanV = points.stream().mapToDouble(Point::value).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (Point p : points) {
      covariance += (p.seconds() - meanT) * (p.value() - meanV);
      variance += (p.seconds() - meanT) * (p.seconds() - meanT);
    }
    return variance == 0 ? Double.NaN : covariance / variance * 3600;
  }

  /** The samples of the later half of the run (the first half holds the warm-up). */
  static List<Point> laterHalf(List<Point> points) {
    return points.subList(points.size() / 2, points.size());
  }

  /** The samples of the first half of the run. */
  static List<Point> firstHalf(List<Point> points) {
    return points.subList(0, points.size() / 2);
  }
}
