package dev.argus.contract.camera;

import java.util.List;

/** The detection types of camera events, and the names of the detectors that assign them. */
public final class DetectionTypes {

  public static final String MOTION = "motion";
  public static final String PERSON = "person";
  public static final String VEHICLE = "vehicle";
  public static final String ANIMAL = "animal";
  public static final String PACKAGE = "package";
  public static final String RING = "ring";

  /** Every type, most specific first; {@link #MOTION} is what is left when nothing was named. */
  public static final List<String> ALL = List.of(PERSON, VEHICLE, ANIMAL, PACKAGE, RING, MOTION);

  /** The CenterNet COCO model run by the collector's detector sidecar. */
  public static final String DETECTOR_CENTERNET = "centernet";

  /** A UniFi Protect controller's own smart detection. */
  public static final String DETECTOR_PROTECT = "protect";

  private DetectionTypes() {}
}
