package dev.argus.collector.protect;

import dev.argus.collector.camera.CameraReadings;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraState;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.protect.Bootstrap;
import dev.argus.protect.ProtectCamera;
import dev.argus.protect.ProtectDetection;
import dev.argus.protect.ProtectEndpoint;
import dev.argus.protect.ProtectSession;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controller's session on this collector, and what it publishes:
 *
 * <ul>
 *   <li><b>Controller status</b> ({@link ProtectControllerStatus}) on every state the session
 *       reports and on every {@link #publishStatus tick}: state, reason, the bootstrap's NVR name,
 *       version and camera count, the id of the last update read, and when the last detection was
 *       read.
 *   <li><b>Camera statuses</b> of its Argus cameras ({@link CameraStatus}, detector {@code
 *       protect}): online while the session is connected and the bootstrap lists the camera {@code
 *       CONNECTED}, offline with the reason otherwise, error when the controller has no such
 *       camera.
 *   <li><b>Readings</b>: each detection of an Argus camera that should run becomes one {@link
 *       MotionReading} ({@link DetectionReadings}) once its media is fetched ({@link
 *       DetectionMedia}) on a small executor of its own, so the session's thread never waits for a
 *       snapshot or a clip. A full queue, a failed fetch or a stop before the fetch still publish
 *       the reading, without frames; detections of cameras that are no Argus camera are counted and
 *       dropped.
 * </ul>
 */
final class ControllerRun implements ProtectSession.Listener {

  private static final Logger log = LoggerFactory.getLogger(ControllerRun.class);
  private static final int REMEMBERED_READINGS = 1024;
  private static final long STOP_WAIT_SECONDS = 5;

  private final String collectorId;
  private final ProtectEndpoint endpoint;
  private final ProtectConnector connector;
  private final DetectionMedia media;
  private final CameraReadings readings;
  private final Consumer<ProtectControllerStatus> statuses;
  private final Clock clock;
  private final ThreadPoolExecutor mediaExecutor;
  private final AtomicLong ignoredDetections = new AtomicLong();
  private final AtomicLong mediaFailures = new AtomicLong();
  private final AtomicLong readingsPublished = new AtomicLong();
  private volatile ProtectControllerConfig config;
  private volatile Map<String, CameraConfig> cameras = Map.of();
  private volatile boolean stopping;
  private volatile ProtectConnection connection;

  // Guarded by `this`: the session's state as last reported, and what was published of it.
  private String state = ProtectControllerStatus.CONNECTING;
  private String reason;
  private Bootstrap bootstrap;
  private Instant lastEventAt;
  private final Map<String, String> cameraStatesPublished = new HashMap<>();

  // Guarded by itself: reading ids already handed over, so a re-delivered start publishes nothing.
  private final Map<String, Boolean> recentReadings =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_READINGS;
        }
      };

  ControllerRun(
      DesiredController desired,
      String collectorId,
      ProtectConnector connector,
      DetectionMedia media,
      CameraReadings readings,
      Consumer<ProtectControllerStatus> statuses,
      ProtectSettings settings,
      Clock clock) {
    this.config = desired.config();
    this.endpoint = desired.endpoint();
    this.collectorId = collectorId;
    this.connector = connector;
    this.media = media;
    this.readings = readings;
    this.statuses = statuses;
    this.clock = clock;
    this.mediaExecutor =
        new ThreadPoolExecutor(
            settings.mediaThreads(),
            settings.mediaThreads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.mediaQueue()),
            Thread.ofPlatform().daemon().name("protect-" + desired.id() + "-media-", 0).factory());
    mediaExecutor.allowCoreThreadTimeOut(true);
  }

  void start() {
    publishStatus();
    connection = connector.open("protect-" + config.id(), endpoint, this);
    log.info("Protect controller {} ({}): session to {}", config.id(), config.name(), endpoint);
  }

  /** Whether {@code desired} connects elsewhere or as someone else. */
  boolean needsRestartFor(DesiredController desired) {
    return !endpoint.equals(desired.endpoint());
  }

  /** Takes a changed name (nothing else of a controller changes without a new session). */
  void update(DesiredController desired) {
    config = desired.config();
  }

  /**
   * The Argus cameras of this controller that should run, by the controller's camera id; their
   * statuses are published when they are new or their state changed.
   */
  void cameras(List<CameraConfig> running) {
    Map<String, CameraConfig> byProtectId = new HashMap<>();
    running.forEach(camera -> byProtectId.put(camera.protectCameraId(), camera));
    cameras = Map.copyOf(byProtectId);
    synchronized (this) {
      var ids = running.stream().map(CameraConfig::id).toList();
      cameraStatesPublished.keySet().retainAll(ids);
      publishCameraStatuses(false);
    }
  }

  /** The Argus cameras it publishes statuses for. */
  List<CameraConfig> cameras() {
    return List.copyOf(cameras.values());
  }

  ProtectControllerConfig config() {
    return config;
  }

  synchronized String state() {
    return state;
  }

  long ignoredDetections() {
    return ignoredDetections.get();
  }

  long mediaFailures() {
    return mediaFailures.get();
  }

  long readingsPublished() {
    return readingsPublished.get();
  }

  /**
   * Ends the session and publishes nothing more of its state (the caller says why it stopped). A
   * detection whose media is still being fetched is published with what there is after a bounded
   * wait; one still queued is published without frames.
   */
  void stop() {
    stopping = true;
    mediaExecutor.shutdown();
    try {
      if (!mediaExecutor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn(
            "Protect controller {}: media fetches still running after {} s",
            config.id(),
            STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Runnable queued : mediaExecutor.shutdownNow()) {
      if (queued instanceof MediaFetch fetch) {
        fetch.publishWithout("the session stopped before its media was fetched");
      }
    }
    // Closed last: the fetches above still had the connection.
    if (connection != null) {
      connection.close();
    }
  }

  // ------------------------------------------------------------------------------------------
  // The session's reports

  @Override
  public void onState(String newState, String newReason, Bootstrap newBootstrap) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      boolean changed = !newState.equals(state) || !Objects.equals(newReason, reason);
      state = newState;
      reason = newReason;
      if (newBootstrap != null) {
        bootstrap = newBootstrap;
      }
      if (changed) {
        if (ProtectControllerStatus.CONNECTED.equals(newState)) {
          log.info(
              "Protect controller {}: connected ({} camera(s))",
              config.id(),
              bootstrap == null ? "?" : bootstrap.cameras().size());
        } else {
          log.warn("Protect controller {}: {} ({})", config.id(), newState, newReason);
        }
      }
      publishControllerStatus();
      publishCameraStatuses(false);
    }
  }

  /** A camera's state changed between bootstraps: its Argus camera's status follows. */
  @Override
  public synchronized void onCamera(ProtectCamera changed) {
    if (stopping || bootstrap == null) {
      return;
    }
    List<ProtectCamera> cameras =
        bootstrap.cameras().stream()
            .map(camera -> camera.id().equals(changed.id()) ? changed : camera)
            .toList();
    bootstrap =
        new Bootstrap(
            bootstrap.nvrId(),
            bootstrap.nvrName(),
            bootstrap.nvrVersion(),
            bootstrap.lastUpdateId(),
            cameras);
    publishCameraStatuses(false);
  }

  @Override
  public void onDetection(ProtectDetection detection) {
    if (stopping) {
      return;
    }
    Instant now = clock.instant();
    synchronized (this) {
      lastEventAt = now;
    }
    if (detection.start() == null) {
      detection =
          new ProtectDetection(
              detection.cameraId(),
              detection.eventId(),
              detection.type(),
              detection.score(),
              now,
              detection.end());
    }
    CameraConfig camera = cameras.get(detection.cameraId());
    if (camera == null) {
      long ignored = ignoredDetections.incrementAndGet();
      log.debug(
          "Protect controller {}: {} of camera {} is no running Argus camera ({} ignored)",
          config.id(),
          detection.type(),
          detection.cameraId(),
          ignored);
      return;
    }
    String readingId = DetectionReadings.readingId(config.id(), detection);
    synchronized (recentReadings) {
      if (recentReadings.put(readingId, Boolean.TRUE) != null) {
        // The end of a detection already published, or an update delivered again.
        return;
      }
    }
    var fetch = new MediaFetch(detection, camera);
    try {
      mediaExecutor.execute(fetch);
    } catch (RejectedExecutionException e) {
      fetch.publishWithout("too many detections waiting for their media");
    }
  }

  /** Fetches a detection's media and publishes its reading; publishes it without on failure. */
  private final class MediaFetch implements Runnable {

    private final ProtectDetection detection;
    private final CameraConfig camera;

    MediaFetch(ProtectDetection detection, CameraConfig camera) {
      this.detection = detection;
      this.camera = camera;
    }

    @Override
    public void run() {
      DetectionMedia.Media fetched;
      try {
        fetched = media.fetch(connection, detection, camera);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fetched = DetectionMedia.Media.none("the session stopped while its media was fetched");
      } catch (RuntimeException e) {
        log.warn("Protect controller {}: fetching media failed", config.id(), e);
        fetched = DetectionMedia.Media.none(e.toString());
      }
      publish(fetched);
    }

    void publishWithout(String why) {
      publish(DetectionMedia.Media.none(why));
    }

    private void publish(DetectionMedia.Media fetched) {
      if (fetched.problem() != null) {
        long failures = mediaFailures.incrementAndGet();
        log.warn(
            "Protect controller {}: camera {} {}: {} ({} media failure(s)); published with {}"
                + " frame(s)",
            config.id(),
            camera.id(),
            detection.type(),
            fetched.problem(),
            failures,
            fetched.frames().size());
      }
      MotionReading reading =
          DetectionReadings.reading(config.id(), detection, camera, collectorId, fetched);
      readings.motion(reading);
      readingsPublished.incrementAndGet();
      log.info(
          "Camera {}: Protect {} ({} frame(s)), reading {}",
          camera.id(),
          reading.detectionType(),
          reading.frames().size(),
          reading.readingId());
    }
  }

  // ------------------------------------------------------------------------------------------
  // Statuses

  /** Publishes the controller's and its cameras' statuses again (the status interval's tick). */
  synchronized void publishStatus() {
    if (stopping) {
      return;
    }
    publishControllerStatus();
    publishCameraStatuses(true);
  }

  private void publishControllerStatus() {
    ProtectConnection open = connection;
    String updateId = open == null ? null : open.lastUpdateId();
    if (updateId == null && bootstrap != null) {
      updateId = bootstrap.lastUpdateId();
    }
    statuses.accept(
        new ProtectControllerStatus(
            config.id(),
            collectorId,
            state,
            reason,
            bootstrap == null ? null : bootstrap.nvrName(),
            bootstrap == null ? null : bootstrap.nvrVersion(),
            bootstrap == null ? null : bootstrap.cameras().size(),
            updateId,
            lastEventAt,
            clock.instant()));
  }

  private void publishCameraStatuses(boolean again) {
    for (CameraConfig camera : cameras.values()) {
      CameraStatus status = cameraStatus(camera);
      String said = status.state() + "|" + status.reason();
      if (!said.equals(cameraStatesPublished.put(camera.id(), said)) || again) {
        readings.status(status);
      }
    }
  }

  private CameraStatus cameraStatus(CameraConfig camera) {
    CameraState cameraState;
    String cameraReason;
    ProtectCamera seen = bootstrap == null ? null : find(bootstrap, camera.protectCameraId());
    if (!ProtectControllerStatus.CONNECTED.equals(state)) {
      cameraState = CameraState.OFFLINE;
      cameraReason =
          "Protect controller "
              + config.name()
              + " is "
              + state
              + (reason == null ? "" : " (" + reason + ")");
    } else if (seen == null) {
      cameraState = CameraState.ERROR;
      cameraReason =
          "Protect controller " + config.name() + " has no camera " + camera.protectCameraId();
    } else if (seen.state() == null || !"CONNECTED".equals(seen.state().toUpperCase(Locale.ROOT))) {
      cameraState = CameraState.OFFLINE;
      cameraReason = "Protect controller " + config.name() + " reports it " + seen.state();
    } else {
      cameraState = CameraState.ONLINE;
      cameraReason = null;
    }
    return status(camera, cameraState, cameraReason, collectorId, clock.instant());
  }

  static CameraStatus status(
      CameraConfig camera, CameraState state, String reason, String collectorId, Instant at) {
    return new CameraStatus(
        camera.id(),
        camera.name(),
        collectorId,
        state.wireName(),
        reason,
        null,
        null,
        null,
        null,
        at,
        DetectionTypes.DETECTOR_PROTECT);
  }

  private static ProtectCamera find(Bootstrap bootstrap, String protectCameraId) {
    return bootstrap.cameras().stream()
        .filter(camera -> camera.id().equals(protectCameraId))
        .findFirst()
        .orElse(null);
  }
}
