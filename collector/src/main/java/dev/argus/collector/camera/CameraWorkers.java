package dev.argus.collector.camera;

import dev.argus.camera.source.FrameSourceFactory;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraState;
import dev.argus.contract.camera.CameraStatus;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one {@link CameraWorker} per camera that runs on this collector, and reconciles them with
 * every change of the cameras on {@code argus.config} ({@link #camerasChanged}):
 *
 * <ul>
 *   <li>a new camera (or one started, enabled or assigned here) gets a worker;
 *   <li>a deleted, stopped or disabled camera's worker stops and a {@code stopped} status is
 *       published; one assigned to another collector stops silently (the other one reports it);
 *   <li>a changed source (type, address, transport, credentials, snapshot interval) or a higher
 *       {@code analysis_fps} restarts the worker; every other change (sensitivity, zones, schedule,
 *       cooldown, analysis mode, a lower fps, name, prompt) applies without a reconnect;
 *   <li>a camera that should run here but cannot (a password that cannot be decrypted, a missing
 *       URL, an invalid schedule) gets an {@code error} status saying why, once per reason.
 * </ul>
 *
 * On shutdown every worker stops and its camera is reported {@code offline}: no one watches it
 * until a collector runs it again.
 */
public final class CameraWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CameraWorkers.class);

  private final String collectorId;
  private final FrameSourceFactory sources;
  private final CameraReadings readings;
  private final CameraSettings settings;
  private final ReadingDetector objects;
  private final Clock clock;
  private final Map<String, CameraWorker> workers = new TreeMap<>();
  private final Map<String, String> problemsReported = new HashMap<>();
  private boolean running;
  private boolean stopped;

  public CameraWorkers(
      String collectorId,
      FrameSourceFactory sources,
      CameraReadings readings,
      CameraSettings settings,
      Clock clock) {
    this(collectorId, sources, readings, settings, ReadingDetector.off(), clock);
  }

  /**
   * @param objects the collector's one object detector, shared by every worker
   */
  public CameraWorkers(
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
  }

  /**
   * Reconciles the workers with every camera on {@code argus.config}. Called on the config reader's
   * thread; starting and stopping workers is quick (stopping waits at most a few seconds).
   */
  public synchronized void camerasChanged(Collection<DesiredCamera> cameras) {
    if (stopped) {
      return;
    }
    Map<String, DesiredCamera> desired = new LinkedHashMap<>();
    cameras.forEach(camera -> desired.put(camera.id(), camera));
    var ids = new TreeSet<>(workers.keySet());
    ids.addAll(desired.keySet());
    for (String id : ids) {
      try {
        reconcile(id, desired.get(id));
      } catch (RuntimeException e) {
        // One camera must never keep the others from being reconciled.
        log.error("Camera {}: could not be reconciled with argus.config", id, e);
      }
    }
    log.info("Camera workers: {}", states());
  }

  private void reconcile(String id, DesiredCamera camera) {
    CameraWorker worker = workers.get(id);
    if (camera != null && camera.runsHere()) {
      if (worker != null && worker.needsRestartFor(camera)) {
        log.info("Camera {}: its source changed; reconnecting", id);
        stopWorker(id);
        worker = null;
      }
      try {
        if (worker != null) {
          worker.update(camera.config());
        } else {
          var started =
              new CameraWorker(camera, collectorId, sources, readings, settings, objects, clock);
          workers.put(id, started);
          started.start();
        }
        problemsReported.remove(id);
      } catch (IllegalArgumentException e) {
        stopWorker(id);
        reportProblem(camera.config(), e.getMessage());
      }
      return;
    }
    boolean wasReported = workers.containsKey(id) || problemsReported.containsKey(id);
    stopWorker(id);
    if (camera == null) {
      problemsReported.remove(id);
      if (wasReported) {
        publish(id, worker == null ? null : worker.camera().name(), "the camera was deleted");
      }
    } else if (!camera.assignedHere()) {
      problemsReported.remove(id);
      if (worker != null) {
        log.info("Camera {}: assigned to collector {}", id, camera.config().collector());
      }
    } else if (!camera.config().shouldRun()) {
      problemsReported.remove(id);
      if (wasReported) {
        publish(
            id,
            camera.config().name(),
            camera.config().enabled() ? "the camera was stopped" : "the camera is disabled");
      }
    } else if (camera.problem() != null) {
      reportProblem(camera.config(), camera.problem());
    }
  }

  private void stopWorker(String id) {
    CameraWorker worker = workers.remove(id);
    if (worker != null) {
      worker.stop();
    }
  }

  private void publish(String id, String name, String reason) {
    readings.status(
        new CameraStatus(
            id,
            name,
            collectorId,
            CameraState.STOPPED.wireName(),
            reason,
            null,
            null,
            null,
            null,
            clock.instant(),
            null));
  }

  private void reportProblem(CameraConfig camera, String problem) {
    if (problem.equals(problemsReported.put(camera.id(), problem))) {
      return;
    }
    log.warn("Camera {} from argus.config cannot run: {}", camera.id(), problem);
    readings.status(
        new CameraStatus(
            camera.id(),
            camera.name(),
            collectorId,
            CameraState.ERROR.wireName(),
            problem,
            null,
            null,
            null,
            null,
            clock.instant(),
            null));
  }

  /** Each running worker's camera and state ({@code starting} before its first status). */
  public synchronized Map<String, String> states() {
    Map<String, String> states = new TreeMap<>();
    workers.forEach(
        (id, worker) -> {
          CameraState state = worker.state();
          states.put(id, state == null ? "starting" : state.wireName());
        });
    return states;
  }

  /** The worker of a camera, for tests. */
  synchronized CameraWorker worker(String id) {
    return workers.get(id);
  }

  @Override
  public synchronized void start() {
    running = true;
  }

  @Override
  public synchronized void stop() {
    running = false;
    stopped = true;
    for (String id : new TreeSet<>(workers.keySet())) {
      CameraWorker worker = workers.get(id);
      stopWorker(id);
      readings.status(
          new CameraStatus(
              id,
              worker.camera().name(),
              collectorId,
              CameraState.OFFLINE.wireName(),
              "collector " + collectorId + " stopped",
              null,
              null,
              null,
              null,
              clock.instant(),
              null));
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}
