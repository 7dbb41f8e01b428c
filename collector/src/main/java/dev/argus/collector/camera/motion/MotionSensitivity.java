package dev.argus.collector.camera.motion;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much of the watched picture must change for motion: the fraction of watched pixels whose luma
 * differs from the background by more than {@link MotionDetector#PIXEL_THRESHOLD}.
 *
 * <p>At the default grey size of 160x120 (19,200 pixels): {@code low} needs 2 % (384 pixels, a
 * person crossing a driveway at 15 m, or a car), {@code medium} 0.5 % (96 pixels, about a 10x10
 * patch: a person in a garden, the figure the frame-difference recipe in CAMERAS.md was proven
 * with), {@code high} 0.2 % (38 pixels: a cat, a person far away; also more false alarms from
 * swaying branches). Per-pixel noise is already filtered by the threshold of 25 luma levels, so
 * these fractions count real change.
 */
public enum MotionSensitivity {
  LOW(0.02),
  MEDIUM(0.005),
  HIGH(0.002);

  private final double changedFraction;

  MotionSensitivity(double changedFraction) {
    this.changedFraction = changedFraction;
  }

  /** Motion when more than this fraction of the watched pixels changed. */
  public double changedFraction() {
    return changedFraction;
  }

  /**
   * @param wire {@code low}, {@code medium} or {@code high}; null means {@code medium}
   * @throws IllegalArgumentException for another value
   */
  public static MotionSensitivity fromWire(String wire) {
    if (wire == null || wire.isBlank()) {
      return MEDIUM;
    }
    try {
      return valueOf(wire.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "motion_sensitivity must be one of "
              + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()
              + ", was '"
              + wire
              + "'");
    }
  }
}
