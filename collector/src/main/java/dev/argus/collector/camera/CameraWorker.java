package dev.argus.collector.camera;

import dev.argus.camera.source.Frame;
import dev.argus.camera.source.FrameListener;
import dev.argus.camera.source.FrameSource;
import dev.argus.camera.source.FrameSourceFactory;
import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.source.StreamInfo;
import dev.argus.collector.camera.motion.GreyFrame;
import dev.argus.collector.camera.motion.Motion;
import dev.argus.collector.camera.motion.MotionDetector;
import dev.argus.collector.camera.motion.MotionSettings;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraState;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.CapturedFrame;
import dev.argus.contract.camera.MotionReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one camera: a virtual thread reads its source ({@link FrameSource#stream}) into a {@link
 * FrameBuffer}, another analyses the frames at the camera's {@code analysis_fps} for motion and
 * publishes what it sees through {@link CameraReadings}.
 *
 * <ul>
 *   <li><b>Connection.</b> When the source fails ({@link SourceFailure}) or cannot be opened, the
 *       worker reports {@code offline} or {@code error} with the reason and opens it again after
 *       {@link ReconnectBackoff}'s delay; it reports {@code online} when frames flow again.
 *   <li><b>Status.</b> On every change of state, and every status interval while it has one, with
 *       the frames per second that arrived over that interval and the stream's size and codec.
 *   <li><b>Motion.</b> A {@link MotionCapture} of the frames the analysis mode asks for, encoded as
 *       JPEG, becomes one {@link MotionReading}. After a reading the worker holds off for the
 *       camera's cooldown, at most {@link #MAX_HOLD_OFF}: the processor applies the cooldown itself
 *       (across collectors and restarts); this only keeps a lasting movement from publishing
 *       several readings a second.
 *   <li><b>Objects.</b> The {@link ReadingDetector} runs the captured frames through the
 *       collector's object detector on a thread of its own before the reading is handed over, so
 *       neither reading nor analysis waits for it; the status names the detector while it can run.
 * </ul>
 *
 * <p>Analysis settings (sensitivity, zones, schedule, cooldown, analysis mode, a lower fps, name,
 * prompt) change without a reconnect ({@link #update}); a changed source or a higher fps needs a
 * new worker ({@link #needsRestartFor}). Nothing a camera or a bug in one frame does escapes the
 * worker's threads.
 */
final class CameraWorker {

  private static final Logger log = LoggerFactory.getLogger(CameraWorker.class);

  static final Duration MAX_HOLD_OFF = Duration.ofSeconds(10);
  static final double MAX_FPS = 30;
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final String collectorId;
  private final FrameSourceFactory sources;
  private final CameraReadings readings;
  private final CameraSettings settings;
  private final ReadingDetector objects;
  private final Clock clock;
  private final SourceSpec source;
  private final double openedFps;
  private final FrameBuffer buffer;
  private final MotionDetector detector;
  private final ReconnectBackoff backoff = new ReconnectBackoff();
  private final AtomicReference<FrameSource> openSource = new AtomicReference<>();
  private final AtomicLong framesSinceStatus = new AtomicLong();
  private final AtomicLong readingsPublished = new AtomicLong();
  private final AtomicLong framesAnalysed = new AtomicLong();
  private final AtomicLong framesReceived = new AtomicLong();
  private volatile CameraConfig camera;
  private volatile boolean stopping;
  private volatile boolean resetDetector;
  private Thread reader;
  private Thread analyser;

  // Guarded by `this`: what the last status said, and when.
  private CameraState state;
  private String reason;
  private StreamInfo streamInfo;
  private long lastStatusNanos = System.nanoTime();

  // The analysis thread's own.
  private Instant lastAnalysed;
  private MotionCapture capture;
  private Instant holdOffUntil = Instant.MIN;

  /**
   * @throws IllegalArgumentException naming the field when the camera's motion settings or fps are
   *     invalid
   */
  CameraWorker(
      DesiredCamera desired,
      String collectorId,
      FrameSourceFactory sources,
      CameraReadings readings,
      CameraSettings settings,
      Clock clock) {
    this(desired, collectorId, sources, readings, settings, ReadingDetector.off(), clock);
  }

  /**
   * @param objects types the motion readings with the collector's object detector (off the analysis
   *     thread) before they are handed to {@code readings}
   * @throws IllegalArgumentException naming the field when the camera's motion settings or fps are
   *     invalid
   */
  CameraWorker(
      DesiredCamera desired,
      String collectorId,
      FrameSourceFactory sources,
      CameraReadings readings,
      CameraSettings settings,
      ReadingDetector objects,
      Clock clock) {
    this.collectorId = collectorId;
    this.sources = sources;
    this.readings = readings;
    this.settings = settings;
    this.objects = objects;
    this.clock = clock;
    this.camera = checked(desired.config());
    this.source = desired.source();
    this.openedFps = camera.analysisFps();
    this.buffer = new FrameBuffer(settings.frameBuffer());
    this.detector =
        new MotionDetector(
            settings.greyWidth(), settings.greyHeight(), MotionSettings.of(camera), clock);
  }

  private static CameraConfig checked(CameraConfig camera) {
    if (!(camera.analysisFps() > 0 && camera.analysisFps() <= MAX_FPS)) {
      throw new IllegalArgumentException(
          "analysis_fps must be above 0 and at most "
              + (int) MAX_FPS
              + ", was "
              + camera.analysisFps());
    }
    return camera;
  }

  void start() {
    String name = "camera-" + camera.id();
    reader = Thread.ofVirtual().name(name + "-reader").start(this::readUntilStopped);
    analyser = Thread.ofVirtual().name(name + "-analysis").start(this::analyseUntilStopped);
    log.info("Camera {} ({}): watching {}", camera.id(), camera.name(), source);
  }

  /**
   * Takes the analysis settings of a changed configuration without a reconnect.
   *
   * @throws IllegalArgumentException naming the field when they are invalid; nothing changes then
   */
  void update(CameraConfig changed) {
    checked(changed);
    detector.apply(MotionSettings.of(changed));
    camera = changed;
  }

  /**
   * Whether {@code desired} reads another source, or more frames than this worker's source gives.
   */
  boolean needsRestartFor(DesiredCamera desired) {
    return !source.equals(desired.source()) || desired.config().analysisFps() > openedFps;
  }

  /** Stops reading and analysing; waits a bounded time for both threads. Publishes nothing more. */
  void stop() {
    stopping = true;
    FrameSource open = openSource.get();
    if (open != null) {
      open.close();
    }
    if (reader == null) {
      return;
    }
    for (Thread thread : List.of(reader, analyser)) {
      thread.interrupt();
    }
    for (Thread thread : List.of(reader, analyser)) {
      try {
        if (!thread.join(STOP_WAIT)) {
          log.warn("Camera {}: {} did not end within {}", camera.id(), thread.getName(), STOP_WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  CameraConfig camera() {
    return camera;
  }

  synchronized CameraState state() {
    return state;
  }

  /** Frames the analysis could not keep up with. */
  long droppedFrames() {
    return buffer.dropped();
  }

  long framesReceived() {
    return framesReceived.get();
  }

  long framesAnalysed() {
    return framesAnalysed.get();
  }

  long readingsPublished() {
    return readingsPublished.get();
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  private void readUntilStopped() {
    while (!stopping) {
      SourceFailure failure = readOnce();
      if (stopping) {
        return;
      }
      report(
          failure.kind() == SourceFailure.Kind.OFFLINE ? CameraState.OFFLINE : CameraState.ERROR,
          failure.getMessage());
      try {
        Thread.sleep(backoff.nextDelay());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Reads until the source fails (returned) or the worker stops (then the result is unused). */
  private SourceFailure readOnce() {
    FrameSource open;
    try {
      open = sources.open(source, openedFps, settings.maxFrameWidth());
    } catch (RuntimeException e) {
      return new SourceFailure(SourceFailure.Kind.ERROR, message(e), e);
    }
    openSource.set(open);
    try {
      if (stopping) {
        return null;
      }
      open.stream(new Listener());
      return new SourceFailure(SourceFailure.Kind.OFFLINE, "the stream ended");
    } catch (SourceFailure failure) {
      return failure;
    } catch (RuntimeException e) {
      log.warn("Camera {}: reading failed", camera.id(), e);
      return new SourceFailure(SourceFailure.Kind.ERROR, message(e), e);
    } finally {
      openSource.set(null);
      open.close();
    }
  }

  private final class Listener implements FrameListener {

    private boolean flowing;

    @Override
    public void onStreamInfo(StreamInfo info) {
      synchronized (CameraWorker.this) {
        streamInfo = info;
      }
      resetDetector = true;
    }

    @Override
    public void onFrame(Frame frame) {
      if (stopping) {
        return;
      }
      framesSinceStatus.incrementAndGet();
      framesReceived.incrementAndGet();
      if (!flowing) {
        flowing = true;
        backoff.framesFlowed();
        report(CameraState.ONLINE, null);
      }
      buffer.offer(frame);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Analysis

  private void analyseUntilStopped() {
    while (!stopping) {
      Frame frame;
      try {
        frame = buffer.poll(POLL);
      } catch (InterruptedException e) {
        return;
      }
      if (stopping) {
        return;
      }
      publishStatusIfDue();
      if (frame == null) {
        continue;
      }
      try {
        analyse(frame);
      } catch (RuntimeException e) {
        // A frame the analysis cannot handle must not end the camera's analysis.
        log.warn("Camera {}: could not analyse a frame", camera.id(), e);
      }
    }
  }

  private void analyse(Frame frame) {
    CameraConfig current = camera;
    if (resetDetector) {
      resetDetector = false;
      if (capture != null) {
        publish(capture, current);
      }
      detector.reset();
      lastAnalysed = null;
    }
    if (!due(frame, current.analysisFps())) {
      return;
    }
    lastAnalysed = frame.capturedAt();
    Optional<Motion> motion =
        detector.analyse(GreyFrame.of(frame.image(), settings.greyWidth(), settings.greyHeight()));
    framesAnalysed.incrementAndGet();
    if (capture != null) {
      if (capture.add(frame)) {
        publish(capture, current);
      }
      return;
    }
    if (motion.isPresent() && !frame.capturedAt().isBefore(holdOffUntil)) {
      capture = new MotionCapture(frame, motion.get(), current);
      if (capture.complete()) {
        publish(capture, current);
      }
    }
  }

  // A quarter of the period's slack: a source delivering exactly analysis_fps has jitter, and
  // skipping every other frame for arriving a millisecond early would halve the rate.
  private boolean due(Frame frame, double fps) {
    if (lastAnalysed == null) {
      return true;
    }
    Duration since = Duration.between(lastAnalysed, frame.capturedAt());
    return since.isNegative() || since.toNanos() >= 0.75 * 1e9 / fps;
  }

  private void publish(MotionCapture done, CameraConfig current) {
    capture = null;
    List<Frame> frames = done.frames();
    List<CapturedFrame> jpegs =
        frames.stream()
            .map(f -> FrameJpegs.captured(f.capturedAt(), f.image(), settings.maxFrameWidth()))
            .toList();
    Frame first = frames.getFirst();
    Motion motion = done.motion();
    var reading =
        new MotionReading(
            UUID.randomUUID().toString(),
            current.id(),
            current.name(),
            collectorId,
            first.capturedAt(),
            "motion",
            "motion",
            motion.score(),
            motion.box(),
            jpegs,
            FrameJpegs.jpeg(first.image(), settings.thumbnailWidth()),
            current.analysisMode(),
            current.motionCooldownSeconds(),
            current.smartDetectionTypes(),
            current.promptOverride(),
            List.of(),
            null);
    objects.publish(
        reading,
        typed -> {
          if (!stopping) {
            readings.motion(typed);
          }
        });
    readingsPublished.incrementAndGet();
    Duration holdOff = Duration.ofSeconds(Math.max(0, current.motionCooldownSeconds()));
    holdOffUntil =
        frames
            .getLast()
            .capturedAt()
            .plus(holdOff.compareTo(MAX_HOLD_OFF) < 0 ? holdOff : MAX_HOLD_OFF);
    log.info(
        "Camera {}: motion (score {}, {} frame(s)), reading {}",
        current.id(),
        String.format("%.4f", motion.score()),
        jpegs.size(),
        reading.readingId());
  }

  // ------------------------------------------------------------------------------------------
  // Status

  /** Publishes a status when the state or its reason changed. */
  private synchronized void report(CameraState newState, String newReason) {
    if (stopping || (newState == state && Objects.equals(newReason, reason))) {
      return;
    }
    if (newState == CameraState.ONLINE) {
      log.info("Camera {}: online", camera.id());
    } else {
      log.warn("Camera {}: {} ({})", camera.id(), newState.wireName(), newReason);
    }
    state = newState;
    reason = newReason;
    publishStatus(null);
  }

  private synchronized void publishStatusIfDue() {
    long now = System.nanoTime();
    if (state == null || now - lastStatusNanos < settings.statusInterval().toNanos()) {
      return;
    }
    double seconds = (now - lastStatusNanos) / 1e9;
    long frames = framesSinceStatus.getAndSet(0);
    publishStatus(state == CameraState.ONLINE && frames > 0 ? frames / seconds : null);
  }

  // Holds the lock: statuses of one camera are built and handed over in order.
  private void publishStatus(Double fps) {
    if (stopping) {
      return;
    }
    lastStatusNanos = System.nanoTime();
    if (fps == null) {
      framesSinceStatus.set(0);
    }
    CameraConfig current = camera;
    StreamInfo info = streamInfo;
    readings.status(
        new CameraStatus(
            current.id(),
            current.name(),
            collectorId,
            state.wireName(),
            reason,
            fps == null ? null : Math.round(fps * 100) / 100.0,
            info == null ? null : info.width(),
            info == null ? null : info.height(),
            info == null ? null : info.codec(),
            clock.instant(),
            objects.activeDetector()));
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
