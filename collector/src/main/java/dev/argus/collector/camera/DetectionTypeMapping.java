package dev.argus.collector.camera;

import dev.argus.camera.detect.Detection;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.RelativeBox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the detector's COCO labels mean for camera events: {@code person}; {@code vehicle} (car,
 * truck, bus, motorcycle, bicycle); {@code animal} (bird, cat, dog, horse, sheep, cow, elephant,
 * bear, zebra, giraffe); {@code package} (suitcase, backpack, handbag: COCO has no parcel, these
 * are the nearest it sees); every other label is ignored. A detection counts when its score reaches
 * its type's minimum ({@link MinScores}).
 *
 * <p>A reading's objects are the best detection of each type over all its frames (so at most one
 * object per type, with that frame's box): the processor filters by type and the AI description
 * gets them as context, and neither gains from the same person counted once per frame. The
 * reading's detection type is the most specific type found ({@link DetectionTypes#ALL} order), else
 * {@code motion}.
 */
final class DetectionTypeMapping {

  private static final Map<String, String> TYPES = new HashMap<>();

  static {
    TYPES.put("person", DetectionTypes.PERSON);
    for (String label : List.of("car", "truck", "bus", "motorcycle", "bicycle")) {
      TYPES.put(label, DetectionTypes.VEHICLE);
    }
    for (String label :
        List.of(
            "bird",
            "cat",
            "dog",
            "horse",
            "sheep",
            "cow",
            "elephant",
            "bear",
            "zebra",
            "giraffe")) {
      TYPES.put(label, DetectionTypes.ANIMAL);
    }
    for (String label : List.of("suitcase", "backpack", "handbag")) {
      TYPES.put(label, DetectionTypes.PACKAGE);
    }
  }

  /**
   * The minimum score per detection type (0..1). Measured on the car-park footage (see the
   * collector README): pedestrians score 0.45-0.72, the labels the model wrongly sees there (fire
   * hydrant, sports ball, skis, bird) at most 0.40.
   */
  record MinScores(double person, double vehicle, double animal, double parcel) {

    static final MinScores DEFAULTS = new MinScores(0.5, 0.45, 0.45, 0.4);

    double of(String type) {
      return switch (type) {
        case DetectionTypes.PERSON -> person;
        case DetectionTypes.VEHICLE -> vehicle;
        case DetectionTypes.ANIMAL -> animal;
        case DetectionTypes.PACKAGE -> parcel;
        default -> Double.POSITIVE_INFINITY;
      };
    }
  }

  private final MinScores minScores;

  DetectionTypeMapping(MinScores minScores) {
    this.minScores = minScores;
  }

  /** The detection type of a COCO label, when it has one. */
  static Optional<String> typeOf(String cocoLabel) {
    return Optional.ofNullable(TYPES.get(cocoLabel));
  }

  /** The detections of a reading's frames as its objects: the best per type, best type first. */
  List<DetectedObject> objects(List<List<Detection>> frames) {
    Map<String, Detection> best = new HashMap<>();
    for (List<Detection> frame : frames) {
      for (Detection detection : frame) {
        typeOf(detection.label())
            .filter(type -> detection.score() >= minScores.of(type))
            .ifPresent(
                type -> best.merge(type, detection, (a, b) -> b.score() > a.score() ? b : a));
      }
    }
    List<DetectedObject> objects = new ArrayList<>();
    for (String type : DetectionTypes.ALL) {
      Detection detection = best.get(type);
      if (detection != null) {
        Detection.Box box = detection.box();
        objects.add(
            new DetectedObject(
                type,
                detection.score(),
                new RelativeBox(box.x(), box.y(), box.width(), box.height())));
      }
    }
    return List.copyOf(objects);
  }

  /** The most specific type among the objects, else {@code motion}. */
  static String detectionType(List<DetectedObject> objects) {
    return DetectionTypes.ALL.stream()
        .filter(type -> objects.stream().anyMatch(o -> o.label().equals(type)))
        .findFirst()
        .orElse(DetectionTypes.MOTION);
  }
}
