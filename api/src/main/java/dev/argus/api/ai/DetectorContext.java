package dev.argus.api.ai;

import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionTypes;
import java.util.List;
import java.util.Locale;

/**
 * The sentence of a description prompt's context that says what a detector found in the event, so
 * that the model knows what to look for and can confirm or correct it (its own objects stay apart).
 */
final class DetectorContext {

  /** At most this many objects are named: the prompt stays short. */
  static final int MAX_OBJECTS = 10;

  private DetectorContext() {}

  /**
   * E.g. {@code An object detector (centernet) found: person 0.91, vehicle 0.62.}; null when no
   * detector found anything.
   */
  static String sentence(String detector, List<DetectedObject> objects) {
    if (objects == null || objects.isEmpty()) {
      return null;
    }
    StringBuilder sentence =
        new StringBuilder(
            DetectionTypes.DETECTOR_PROTECT.equals(detector)
                ? "The UniFi Protect controller detected: "
                : "An object detector"
                    + (detector == null || detector.isBlank() ? "" : " (" + detector.strip() + ")")
                    + " found: ");
    List<DetectedObject> named = objects.stream().limit(MAX_OBJECTS).toList();
    for (int i = 0; i < named.size(); i++) {
      DetectedObject object = named.get(i);
      if (i > 0) {
        sentence.append(", ");
      }
      sentence.append(object.label() == null ? "object" : object.label().strip());
      if (object.confidence() != null) {
        sentence.append(String.format(Locale.ROOT, " %.2f", object.confidence()));
      }
    }
    return sentence.append('.').toString();
  }

  /** {@code line} followed by the detector's sentence, either of which may be missing. */
  static String join(String line, String detectorSentence) {
    if (detectorSentence == null) {
      return line;
    }
    return line == null || line.isBlank() ? detectorSentence : line + " " + detectorSentence;
  }
}
