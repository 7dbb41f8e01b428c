package dev.argus.camera.detect;

/**
 * One object the detector found in a frame.
 *
 * @param label the COCO label, e.g. {@code person}, {@code car}, {@code dog}
 * @param score the model's confidence, 0..1
 * @param box where, relative to the frame
 */
public record Detection(String label, double score, Box box) {

  /** A rectangle in relative coordinates (0..1): left, top, width, height. */
  public record Box(double x, double y, double width, double height) {

    /** Whether the whole box lies inside the frame. */
    public boolean insideFrame() {
      return x >= 0
          && y >= 0
          && width >= 0
          && height >= 0
          && x + width <= 1.0001
          && y + height <= 1.0001;
    }
  }
}
