package dev.argus.collector.camera;

import dev.argus.camera.detect.Detection;
import dev.argus.camera.detect.DetectorException;
import dev.argus.camera.detect.NodeDetector;
import dev.argus.camera.detect.ObjectDetector;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.MotionReading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Types motion readings with the CPU object detector before they are published, off the camera's
 * threads: each reading's captured frames go to the one shared {@link ObjectDetector} of this
 * collector on a virtual thread of its own, and the reading is published with the objects found
 * ({@link DetectionTypeMapping}), its {@code detection_type} and detector {@code centernet}.
 *
 * <p>The detector never costs a reading: when it is off or missing, when more than {@code
 * max-pending-frames} frames already wait for it, or when none of the reading's frames got an
 * answer (an error or a timeout, counted and logged), the reading is published as it was, without
 * objects and with detector null, so that the AI description types it. Readings that wait for the
 * detector are published when it has answered, so a camera's readings may overtake each other only
 * if one of them skipped the detector.
 */
public final class ReadingDetector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReadingDetector.class);

  private final ObjectDetector detector;
  private final DetectionTypeMapping mapping;
  private final Semaphore pendingFrames;
  private final AtomicLong typed = new AtomicLong();
  private final AtomicLong frameErrors = new AtomicLong();
  private final AtomicLong untyped = new AtomicLong();

  /**
   * @param detector the shared detector; null when there is none
   */
  ReadingDetector(
      ObjectDetector detector, DetectionTypeMapping.MinScores minScores, int maxPendingFrames) {
    this.detector = detector;
    this.mapping = new DetectionTypeMapping(minScores);
    this.pendingFrames = new Semaphore(maxPendingFrames);
  }

  /** No detector: every reading is published as it comes. */
  public static ReadingDetector off() {
    return new ReadingDetector(null, DetectionTypeMapping.MinScores.DEFAULTS, 1);
  }

  /**
   * The detector the settings ask for: none when {@code off}, else the Node sidecar, whose status
   * says whether it can run here (logged once now).
   */
  public static ReadingDetector of(DetectorSettings settings) {
    if (!settings.enabled()) {
      log.info("Object detector: off (ARGUS_DETECTOR_MODE=off); the AI description types events");
      return off();
    }
    Path dir = settings.dir() == null ? NodeDetector.defaultDirectory() : settings.dir();
    var node =
        new NodeDetector(
            NodeDetector.findNode(), dir, settings.startTimeout(), settings.frameTimeout());
    if (node.status().usable()) {
      log.info("Object detector: centernet (sidecar {}), started on the first motion", dir);
    } else {
      log.info(
          "Object detector: {} (sidecar {}); the AI description types events", node.status(), dir);
    }
    return new ReadingDetector(node, settings.minScores(), settings.maxPendingFrames());
  }

  /**
   * The detector that types this collector's readings for {@code CameraStatus.detector}: {@code
   * centernet} while it is installed and has not failed, else null.
   */
  public String activeDetector() {
    return detector != null && detector.status().usable()
        ? DetectionTypes.DETECTOR_CENTERNET
        : null;
  }

  /** The detector's status in operators' words, or {@code off}. */
  public String status() {
    return detector == null ? "off" : detector.status().toString();
  }

  /**
   * Hands {@code reading} to {@code publisher}: typed by the detector on a virtual thread when it
   * can run, else at once on the calling thread as it is.
   */
  void publish(MotionReading reading, Consumer<MotionReading> publisher) {
    int frames = reading.frames().size();
    if (activeDetector() == null || frames == 0) {
      publisher.accept(reading);
      return;
    }
    if (!pendingFrames.tryAcquire(frames)) {
      untyped.incrementAndGet();
      log.warn(
          "Camera {}: the object detector is behind ({} frames waiting); reading {} goes out"
              + " without objects",
          reading.cameraId(),
          pendingFrames.availablePermits(),
          reading.readingId());
      publisher.accept(reading);
      return;
    }
    Thread.ofVirtual()
        .name("detect-" + reading.cameraId())
        .start(
            () -> {
              try {
                publisher.accept(typed(reading));
              } catch (RuntimeException e) {
                log.warn("Camera {}: could not publish reading", reading.cameraId(), e);
              } finally {
                pendingFrames.release(frames);
              }
            });
  }

  /** Readings published with the detector's objects. */
  long typedReadings() {
    return typed.get();
  }

  /** Frames the detector did not answer (errors and timeouts). */
  long frameErrors() {
    return frameErrors.get();
  }

  /** Readings that should have been typed but went out without objects. */
  long untypedReadings() {
    return untyped.get();
  }

  @Override
  public void close() {
    if (detector != null) {
      detector.close();
    }
  }

  private MotionReading typed(MotionReading reading) {
    List<List<Detection>> answered = new ArrayList<>();
    Optional<String> lastError = Optional.empty();
    for (CapturedFrame frame : reading.frames()) {
      try {
        answered.add(detector.detect(frame.jpeg()));
      } catch (DetectorException e) {
        frameErrors.incrementAndGet();
        lastError = Optional.of(e.getMessage());
      }
    }
    if (answered.isEmpty()) {
      untyped.incrementAndGet();
      log.warn(
          "Camera {}: the object detector failed ({}); reading {} goes out without objects",
          reading.cameraId(),
          lastError.orElse("no answer"),
          reading.readingId());
      return reading;
    }
    List<DetectedObject> objects = mapping.objects(answered);
    typed.incrementAndGet();
    log.info(
        "Camera {}: detector found {} in {} frame(s) of reading {}",
        reading.cameraId(),
        objects.isEmpty() ? "nothing" : objects,
        answered.size(),
        reading.readingId());
    return new MotionReading(
        reading.readingId(),
        reading.cameraId(),
        reading.cameraName(),
        reading.collectorId(),
        reading.at(),
        reading.source(),
        DetectionTypeMapping.detectionType(objects),
        reading.score(),
        reading.box(),
        reading.frames(),
        reading.thumbnail(),
        reading.analysisMode(),
        reading.motionCooldownSeconds(),
        reading.smartDetectionTypes(),
        reading.promptOverride(),
        objects,
        DetectionTypes.DETECTOR_CENTERNET);
  }
}
