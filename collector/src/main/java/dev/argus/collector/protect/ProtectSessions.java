package dev.argus.collector.protect;

import dev.argus.collector.camera.CameraReadings;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraState;
import dev.argus.contract.camera.ProtectControllerStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps one Protect session ({@link ControllerRun}) per controller that runs on this collector,
 * reconciled with every change of the controllers or cameras on {@code argus.config} ({@link
 * #protectChanged}):
 *
 * <ul>
 *   <li>an enabled controller assigned here (its {@code collector}, or none while this collector
 *       accepts unassigned work) gets a session; a deleted or disabled one loses it and is
 *       published {@code stopped}; one assigned to another collector stops silently (the other one
 *       reports it);
 *   <li>a changed host, port, user name, password or certificate check restarts the session; a new
 *       name applies without a reconnect;
 *   <li>a controller that should run here but cannot (a password that cannot be decrypted) gets an
 *       {@code error} status saying why, once per reason;
 *   <li>each session publishes the readings and statuses of the cameras of type {@code protect}
 *       that name it and should run; a camera stopped, disabled or deleted is published {@code
 *       stopped}, and those of a controller that stops {@code offline}.
 * </ul>
 *
 * Every status interval each session's status and its cameras' are published again. On shutdown
 * every session stops, its controller is published {@code stopped} and its cameras {@code offline}.
 */
public final class ProtectSessions implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProtectSessions.class);
  private static final String PROTECT = "protect";

  private final String collectorId;
  private final ProtectConnector connector;
  private final DetectionMedia media;
  private final CameraReadings readings;
  private final Consumer<ProtectControllerStatus> statuses;
  private final ProtectSettings settings;
  private final Clock clock;
  private final Map<String, ControllerRun> runs = new TreeMap<>();
  private final Map<String, String> problemsReported = new HashMap<>();
  // The cameras whose statuses a session here publishes, as they were when it started to.
  private final Map<String, CameraConfig> camerasReported = new HashMap<>();
  private ScheduledExecutorService ticker;
  private boolean running;
  private boolean stopped;

  /**
   * @param media fetches the frames of a detection
   * @param readings where motion readings and camera statuses go
   * @param statuses where controller statuses go ({@code argus.protect.status})
   */
  public ProtectSessions(
      String collectorId,
      ProtectConnector connector,
      DetectionMedia media,
      CameraReadings readings,
      Consumer<ProtectControllerStatus> statuses,
      ProtectSettings settings,
      Clock clock) {
    this.collectorId = collectorId;
    this.connector = connector;
    this.media = media;
    this.readings = readings;
    this.statuses = statuses;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The media of detections from the controllers' snapshots and clip exports, cut by {@code
   * ffmpeg}.
   *
   * @param ffmpeg the binary ({@code ARGUS_FFMPEG}, else {@code ffmpeg} on the PATH)
   * @param maxWidth frames are at most this wide
   * @param thumbnailWidth thumbnails at most this wide
   */
  public static DetectionMedia media(String ffmpeg, int maxWidth, int thumbnailWidth, Clock clock) {
    return new DetectionMedia(
        new ClipFrames(ffmpeg, ClipFrames.TIMEOUT, maxWidth), maxWidth, thumbnailWidth, clock);
  }

  /**
   * Reconciles the sessions with every controller and camera on {@code argus.config}. Called on the
   * config reader's thread; stopping a session waits at most a few seconds.
   */
  public synchronized void protectChanged(
      List<DesiredController> controllers, List<CameraConfig> cameras) {
    if (stopped) {
      return;
    }
    Map<String, DesiredController> desired = new LinkedHashMap<>();
    controllers.forEach(controller -> desired.put(controller.id(), controller));
    var ids = new TreeSet<>(runs.keySet());
    ids.addAll(desired.keySet());
    for (String id : ids) {
      try {
        reconcile(id, desired.get(id));
      } catch (RuntimeException e) {
        // One controller must never keep the others from being reconciled.
        log.error("Protect controller {}: could not be reconciled with argus.config", id, e);
      }
    }
    assignCameras(cameras);
    log.info("Protect sessions: {}", states());
  }

  private void reconcile(String id, DesiredController controller) {
    ControllerRun run = runs.get(id);
    if (controller != null && controller.runsHere()) {
      if (run != null && run.needsRestartFor(controller)) {
        log.info("Protect controller {}: its connection settings changed; reconnecting", id);
        stopRun(id, null);
        run = null;
      }
      if (run != null) {
        run.update(controller);
      } else {
        var started =
            new ControllerRun(
                controller, collectorId, connector, media, readings, statuses, settings, clock);
        try {
          started.start();
        } catch (RuntimeException e) {
          started.stop();
          String problem = "the session could not be started: " + e.getMessage();
          log.error("Protect controller {}: {}", id, problem, e);
          if (!problem.equals(problemsReported.put(id, problem))) {
            publishController(id, ProtectControllerStatus.ERROR, problem);
          }
          return;
        }
        runs.put(id, started);
      }
      problemsReported.remove(id);
      return;
    }
    boolean wasReported = run != null || problemsReported.containsKey(id);
    if (controller == null) {
      problemsReported.remove(id);
      stopRun(id, "the Protect controller was deleted");
      if (wasReported) {
        publishController(id, ProtectControllerStatus.STOPPED, "the controller was deleted");
      }
    } else if (!controller.assignedHere()) {
      problemsReported.remove(id);
      stopRun(id, null);
      if (run != null) {
        log.info(
            "Protect controller {}: assigned to collector {}", id, controller.config().collector());
      }
    } else if (!controller.config().enabled()) {
      problemsReported.remove(id);
      stopRun(id, "the Protect controller is disabled");
      if (wasReported) {
        publishController(id, ProtectControllerStatus.STOPPED, "the controller is disabled");
      }
    } else if (controller.problem() != null) {
      stopRun(id, "the Protect controller cannot run: " + controller.problem());
      if (!controller.problem().equals(problemsReported.put(id, controller.problem()))) {
        log.warn(
            "Protect controller {} from argus.config cannot run: {}", id, controller.problem());
        publishController(id, ProtectControllerStatus.ERROR, controller.problem());
      }
    }
  }

  /**
   * Stops a session; with a reason, its cameras are published offline with it (a session that
   * restarts publishes their statuses itself).
   */
  private void stopRun(String id, String camerasReason) {
    ControllerRun run = runs.remove(id);
    if (run == null) {
      return;
    }
    run.stop();
    for (CameraConfig camera : run.cameras()) {
      camerasReported.remove(camera.id());
      if (camerasReason != null) {
        readings.status(
            ControllerRun.status(
                camera, CameraState.OFFLINE, camerasReason, collectorId, clock.instant()));
      }
    }
  }

  private void assignCameras(Collection<CameraConfig> cameras) {
    Map<String, CameraConfig> byId = new HashMap<>();
    Map<String, List<CameraConfig>> byController = new HashMap<>();
    for (CameraConfig camera : cameras) {
      byId.put(camera.id(), camera);
      if (isProtect(camera)
          && camera.shouldRun()
          && camera.protectCameraId() != null
          && runs.containsKey(camera.protectControllerId())) {
        byController
            .computeIfAbsent(camera.protectControllerId(), id -> new ArrayList<>())
            .add(camera);
      }
    }
    for (CameraConfig reported : List.copyOf(camerasReported.values())) {
      CameraConfig camera = byId.get(reported.id());
      boolean stillThere =
          camera != null
              && isProtect(camera)
              && camera.shouldRun()
              && reported.protectControllerId().equals(camera.protectControllerId());
      if (stillThere) {
        continue;
      }
      camerasReported.remove(reported.id());
      String reason = camera == null ? "the camera was deleted" : whyNotRunning(camera);
      if (reason != null) {
        readings.status(
            ControllerRun.status(
                camera == null ? reported : camera,
                CameraState.STOPPED,
                reason,
                collectorId,
                clock.instant()));
      }
    }
    runs.forEach(
        (controllerId, run) -> {
          List<CameraConfig> mine = byController.getOrDefault(controllerId, List.of());
          mine.forEach(camera -> camerasReported.put(camera.id(), camera));
          run.cameras(mine);
        });
  }

  // A camera moved to another controller or type is reported by whoever runs it now.
  private static String whyNotRunning(CameraConfig camera) {
    if (!camera.enabled()) {
      return "the camera is disabled";
    }
    if (!camera.started()) {
      return "the camera was stopped";
    }
    return null;
  }

  private static boolean isProtect(CameraConfig camera) {
    return PROTECT.equals(camera.type().trim().toLowerCase(Locale.ROOT));
  }

  private void publishController(String id, String state, String reason) {
    statuses.accept(
        new ProtectControllerStatus(
            id, collectorId, state, reason, null, null, null, null, null, clock.instant()));
  }

  /** Each session's controller and state. */
  public synchronized Map<String, String> states() {
    Map<String, String> states = new TreeMap<>();
    runs.forEach((id, run) -> states.put(id, run.state()));
    return states;
  }

  /** The session of a controller, for tests. */
  synchronized ControllerRun run(String id) {
    return runs.get(id);
  }

  private synchronized void tick() {
    for (ControllerRun run : runs.values()) {
      try {
        run.publishStatus();
      } catch (RuntimeException e) {
        log.warn("Protect controller {}: status not published", run.config().id(), e);
      }
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    long every = settings.statusInterval().toMillis();
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("protect-status").factory());
    ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    stopped = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    String reason = "collector " + collectorId + " stopped";
    for (String id : new TreeSet<>(runs.keySet())) {
      stopRun(id, reason);
      publishController(id, ProtectControllerStatus.STOPPED, reason);
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}
