package dev.argus.processor.testing;

import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.RelativeBox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds motion readings (and statuses) of one camera for tests: plain motion with one small frame,
 * a 60 s cooldown and no smart detection types unless told otherwise; each reading has a new id.
 *
 * <pre>{@code MotionReadingBuilder.camera(id).at(t).type("person").smartTypes("person").build()}
 * </pre>
 */
public final class MotionReadingBuilder {

  private final String cameraId;
  private String readingId = UUID.randomUUID().toString();
  private Instant at = Instant.parse("2026-05-27T10:00:00Z");
  private String detectionType = "motion";
  private int cooldownSeconds = 60;
  private List<String> smartTypes = List.of();
  private List<CapturedFrame> frames;
  private String promptOverride;
  private String source = "motion";
  private List<DetectedObject> objects = List.of();
  private String detector;

  private MotionReadingBuilder(String cameraId) {
    this.cameraId = cameraId;
  }

  public static MotionReadingBuilder camera(String cameraId) {
    return new MotionReadingBuilder(cameraId);
  }

  public MotionReadingBuilder id(String readingId) {
    this.readingId = readingId;
    return this;
  }

  public MotionReadingBuilder at(Instant at) {
    this.at = at;
    return this;
  }

  public MotionReadingBuilder type(String detectionType) {
    this.detectionType = detectionType;
    return this;
  }

  public MotionReadingBuilder cooldown(int seconds) {
    this.cooldownSeconds = seconds;
    return this;
  }

  public MotionReadingBuilder smartTypes(String... types) {
    this.smartTypes = List.of(types);
    return this;
  }

  public MotionReadingBuilder prompt(String promptOverride) {
    this.promptOverride = promptOverride;
    return this;
  }

  /** {@code motion} (a collector's own detection, the default) or {@code protect}. */
  public MotionReadingBuilder source(String source) {
    this.source = source;
    return this;
  }

  /** A Protect controller's reading: source and detector {@code protect}. */
  public MotionReadingBuilder protect() {
    return source("protect").detector("protect");
  }

  /** What a detector found: one object per label, score 0.9, no box. */
  public MotionReadingBuilder objects(String... labels) {
    this.objects =
        java.util.Arrays.stream(labels).map(l -> new DetectedObject(l, 0.9, null)).toList();
    return this;
  }

  public MotionReadingBuilder detector(String detector) {
    this.detector = detector;
    return this;
  }

  /**
   * {@code count} frames of {@code bytesEach} bytes (not real JPEGs: nothing here decodes them).
   */
  public MotionReadingBuilder frames(int count, int bytesEach) {
    List<CapturedFrame> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] jpeg = new byte[bytesEach];
      jpeg[0] = (byte) 0xFF;
      jpeg[jpeg.length - 1] = (byte) i;
      made.add(new CapturedFrame(at.plusMillis(200L * i), 640, 360, jpeg));
    }
    this.frames = made;
    return this;
  }

  public MotionReading build() {
    List<CapturedFrame> captured =
        frames != null
            ? frames
            : List.of(new CapturedFrame(at, 640, 360, new byte[] {(byte) 0xFF, (byte) 0xD8, 1}));
    return new MotionReading(
        readingId,
        cameraId,
        "Front door",
        "collector-1",
        at,
        source,
        detectionType,
        0.12,
        new RelativeBox(0.1, 0.2, 0.3, 0.4),
        captured,
        new byte[] {(byte) 0xFF, (byte) 0xD8, 9},
        captured.size() > 1 ? "multi_frame" : "single_frame",
        cooldownSeconds,
        smartTypes,
        promptOverride,
        objects,
        detector);
  }

  /** A status of this camera in {@code state} at {@code at}. */
  public static CameraStatus status(String cameraId, String state, Instant at, String reason) {
    return new CameraStatus(
        cameraId, "Front door", "collector-1", state, reason, 5.0, 640, 360, "h264", at, null);
  }
}
