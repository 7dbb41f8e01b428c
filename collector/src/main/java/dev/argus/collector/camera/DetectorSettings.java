package dev.argus.collector.camera;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The CPU object detector of the RTSP, MJPEG and snapshot cameras ({@code argus.detector.*}),
 * validated when bound.
 *
 * @param mode {@code ARGUS_DETECTOR_MODE}: {@code auto} (default) runs the detector when Node is on
 *     the PATH and the sidecar is installed ({@code infra/bin/install-detector.sh}); {@code off}
 *     never does (events are then typed by the AI description)
 * @param dir {@code ARGUS_DETECTOR_DIR}: the sidecar's directory (detector.js and its
 *     node_modules); default: the nearest {@code infra/detector} at or above the working directory
 * @param minScorePerson {@code ARGUS_DETECTOR_MIN_SCORE_PERSON} (0..1, default 0.5)
 * @param minScoreVehicle {@code ARGUS_DETECTOR_MIN_SCORE_VEHICLE} (default 0.45)
 * @param minScoreAnimal {@code ARGUS_DETECTOR_MIN_SCORE_ANIMAL} (default 0.45)
 * @param minScorePackage {@code ARGUS_DETECTOR_MIN_SCORE_PACKAGE} (default 0.4)
 * @param startTimeout {@code ARGUS_DETECTOR_START_TIMEOUT}: Node must load the model within this
 *     (default 60s)
 * @param frameTimeout {@code ARGUS_DETECTOR_FRAME_TIMEOUT}: one frame must be answered within this
 *     once sent, else the sidecar is restarted and the reading goes out without objects (default
 *     10s)
 * @param maxPendingFrames {@code ARGUS_DETECTOR_MAX_PENDING_FRAMES}: frames of motion readings
 *     waiting for the detector across this collector's cameras (1-1000, default 40); a reading that
 *     would exceed it is published at once without objects
 */
@ConfigurationProperties("argus.detector")
public record DetectorSettings(
    String mode,
    Path dir,
    Double minScorePerson,
    Double minScoreVehicle,
    Double minScoreAnimal,
    Double minScorePackage,
    Duration startTimeout,
    Duration frameTimeout,
    Integer maxPendingFrames) {

  public static final String AUTO = "auto";
  public static final String OFF = "off";

  public DetectorSettings {
    mode = mode == null || mode.isBlank() ? AUTO : mode.strip().toLowerCase(Locale.ROOT);
    if (!mode.equals(AUTO) && !mode.equals(OFF)) {
      throw new IllegalArgumentException(
          "argus.detector.mode (ARGUS_DETECTOR_MODE) must be auto or off, was " + mode);
    }
    minScorePerson = score(minScorePerson, 0.5, "person");
    minScoreVehicle = score(minScoreVehicle, 0.45, "vehicle");
    minScoreAnimal = score(minScoreAnimal, 0.45, "animal");
    minScorePackage = score(minScorePackage, 0.4, "package");
    startTimeout = startTimeout == null ? Duration.ofSeconds(60) : startTimeout;
    frameTimeout = frameTimeout == null ? Duration.ofSeconds(10) : frameTimeout;
    maxPendingFrames = maxPendingFrames == null ? 40 : maxPendingFrames;
    atLeastOneSecond(startTimeout, "start-timeout (ARGUS_DETECTOR_START_TIMEOUT)");
    atLeastOneSecond(frameTimeout, "frame-timeout (ARGUS_DETECTOR_FRAME_TIMEOUT)");
    if (maxPendingFrames < 1 || maxPendingFrames > 1000) {
      throw new IllegalArgumentException(
          "argus.detector.max-pending-frames (ARGUS_DETECTOR_MAX_PENDING_FRAMES) must be between"
              + " 1 and 1000, was "
              + maxPendingFrames);
    }
  }

  /** The defaults: auto, the nearest infra/detector. */
  public static DetectorSettings defaults() {
    return new DetectorSettings(null, null, null, null, null, null, null, null, null);
  }

  /** Never detect. */
  public static DetectorSettings off() {
    return new DetectorSettings(OFF, null, null, null, null, null, null, null, null);
  }

  public boolean enabled() {
    return mode.equals(AUTO);
  }

  DetectionTypeMapping.MinScores minScores() {
    return new DetectionTypeMapping.MinScores(
        minScorePerson, minScoreVehicle, minScoreAnimal, minScorePackage);
  }

  private static double score(Double value, double fallback, String type) {
    double score = value == null ? fallback : value;
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(
          "argus.detector.min-score-"
              + type
              + " (ARGUS_DETECTOR_MIN_SCORE_"
              + type.toUpperCase(Locale.ROOT)
              + ") must be between 0 and 1, was "
              + value);
    }
    return score;
  }

  private static void atLeastOneSecond(Duration value, String setting) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "argus.detector." + setting + " must be at least 1s, was " + value);
    }
  }
}
