package dev.argus.camera.detect;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CPU detector sidecar ({@code node infra/detector/detector.js}) as an {@link ObjectDetector}.
 *
 * <ul>
 *   <li><b>Start.</b> Lazily, on the first frame: Node loads the CenterNet model and prints a ready
 *       line (model and versions) within {@code startTimeout}, or the start failed.
 *   <li><b>Frames.</b> One at a time, in arrival order (a fair lock): the sidecar runs one wasm
 *       thread, so sending more at once would only make each wait longer. A frame is answered
 *       within {@code frameTimeout} after it was sent; otherwise the sidecar is taken for stuck,
 *       killed, and the next frame starts a new one. A frame the sidecar cannot read (not a JPEG)
 *       gets its error back and the sidecar goes on.
 *   <li><b>Restarts.</b> A sidecar that died or failed to start is started again on the next frame:
 *       at once the first time, then after 1, 2, 4, 8, 16 s; after {@link #MAX_FAILURES_IN_A_ROW}
 *       failures without one answered frame in between it gives up ({@code failed: …}) rather than
 *       restart a broken installation forever.
 *   <li><b>Close.</b> Kills Node and its descendants.
 * </ul>
 */
public final class NodeDetector implements ObjectDetector {

  private static final System.Logger log = System.getLogger(NodeDetector.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Environment variable naming the sidecar's directory (the one holding detector.js). */
  public static final String DIRECTORY_VARIABLE = "ARGUS_DETECTOR_DIR";

  public static final String MODEL = "centernet";
  public static final String SCRIPT = "detector.js";
  public static final String INSTALL_HINT = "run infra/bin/install-detector.sh";
  static final int MAX_FAILURES_IN_A_ROW = 6;
  // What npm ci puts there: without it detector.js cannot load the model.
  private static final Path INSTALLED_MARKER =
      Path.of("node_modules", "@vladmandic", "human", "models", MODEL + ".bin");

  private final Path node;
  private final Path directory;
  private final Duration startTimeout;
  private final Duration frameTimeout;
  private final ReentrantLock turn = new ReentrantLock(true);
  private volatile SidecarProcess sidecar;
  private volatile DetectorStatus status;
  private volatile boolean closed;
  private volatile Map<String, Object> ready = Map.of();
  private volatile double lastSidecarMillis = Double.NaN;
  private long nextId;
  private int failuresInARow;
  private long notBeforeNanos = System.nanoTime();
  private String lastFailure;

  /**
   * @param node the Node executable, empty when none was found (the detector is then {@code
   *     missing})
   * @param directory the sidecar's directory (detector.js and its node_modules)
   */
  public NodeDetector(
      Optional<Path> node, Path directory, Duration startTimeout, Duration frameTimeout) {
    this.node = node.orElse(null);
    this.directory = directory;
    this.startTimeout = startTimeout;
    this.frameTimeout = frameTimeout;
    this.status = installation(node, directory);
  }

  /**
   * Node from the PATH, the sidecar from {@link #defaultDirectory()}, 60 s to start, 10 s a frame.
   */
  public static NodeDetector fromEnvironment() {
    return new NodeDetector(
        findNode(), defaultDirectory(), Duration.ofSeconds(60), Duration.ofSeconds(10));
  }

  /** {@code node} from the PATH, when there is one. */
  public static Optional<Path> findNode() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path candidate = Path.of(entry, "node");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code ARGUS_DETECTOR_DIR} when set; else the nearest {@code infra/detector} holding
   * detector.js at or above the working directory (a checkout, or a module of it); else {@code
   * infra/detector}.
   */
  public static Path defaultDirectory() {
    String explicit = System.getenv(DIRECTORY_VARIABLE);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("infra").resolve("detector");
      if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
        return candidate;
      }
    }
    return Path.of("infra", "detector");
  }

  /** Whether Node and the installed sidecar are there: {@code starting} when both are. */
  public static DetectorStatus installation(Optional<Path> node, Path directory) {
    if (node.isEmpty()) {
      return DetectorStatus.missing("node not found");
    }
    if (!Files.isRegularFile(directory.resolve(SCRIPT))
        || !Files.isRegularFile(directory.resolve(INSTALLED_MARKER))) {
      return DetectorStatus.missing(INSTALL_HINT);
    }
    return DetectorStatus.STARTING;
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public DetectorStatus status() {
    return status;
  }

  /** The sidecar's ready line (model, versions, backend) once it started; empty before. */
  public Map<String, Object> readyLine() {
    return ready;
  }

  /**
   * The sidecar's own time for the last answered frame (JPEG decode + inference, without the pipe,
   * base64 and JSON around it), in ms; NaN before the first answer. For the benchmark.
   */
  public double lastSidecarMillis() {
    return lastSidecarMillis;
  }

  /** The running sidecar's process, for tests and the benchmark. */
  public Optional<ProcessHandle> process() {
    SidecarProcess current = sidecar;
    return current == null ? Optional.empty() : ProcessHandle.of(current.pid());
  }

  @Override
  public List<Detection> detect(byte[] jpeg) throws DetectorException {
    try {
      turn.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DetectorException("interrupted while waiting for the detector", e);
    }
    try {
      try {
        return ask(running(), ++nextId, jpeg);
      } catch (SidecarDied died) {
        // It died before answering (killed, crashed on the previous frame): this frame deserves
        // one fresh sidecar; a second death is the frame's failure.
        try {
          return ask(running(), ++nextId, jpeg);
        } catch (SidecarDied again) {
          throw new DetectorException(again.getMessage(), again);
        }
      }
    } finally {
      turn.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    SidecarProcess current = sidecar;
    if (current != null) {
      current.kill();
    }
    sidecar = null;
  }

  // Holds the turn.
  private SidecarProcess running() throws DetectorException {
    if (closed) {
      throw new DetectorException("the detector is closed");
    }
    if (status.state() == DetectorStatus.State.MISSING
        || status.state() == DetectorStatus.State.FAILED) {
      throw new DetectorException("detector " + status);
    }
    SidecarProcess current = sidecar;
    if (current != null && current.isAlive()) {
      return current;
    }
    if (current != null) {
      failed("the detector exited" + current.exitDescription());
      sidecar = null;
      if (!status.usable()) {
        throw new DetectorException("detector " + status);
      }
    }
    long now = System.nanoTime();
    if (now - notBeforeNanos < 0) {
      throw new DetectorException(
          "the detector is restarting in "
              + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(notBeforeNanos - now))
              + " s (last failure: "
              + lastFailure
              + ")");
    }
    return start();
  }

  private SidecarProcess start() throws DetectorException {
    List<String> command = List.of(node.toString(), directory.resolve(SCRIPT).toString());
    SidecarProcess started;
    try {
      started = SidecarProcess.start(command, directory, "detector");
    } catch (IOException e) {
      failed("could not run " + node + ": " + e.getMessage());
      throw new DetectorException("detector " + status, e);
    }
    try {
      long deadline = System.nanoTime() + startTimeout.toNanos();
      while (true) {
        String line = started.nextLine(Duration.ofNanos(deadline - System.nanoTime()));
        if (line == null) {
          started.kill();
          failed("no ready line within " + startTimeout.toSeconds() + " s");
          throw new DetectorException("detector " + status);
        }
        if (parseObject(line).filter(o -> Boolean.TRUE.equals(o.get("ready"))).isPresent()) {
          ready = parseObject(line).orElseThrow();
          break;
        }
      }
    } catch (IOException e) {
      started.kill();
      failed(e.getMessage());
      throw new DetectorException("detector " + status, e);
    } catch (InterruptedException e) {
      started.kill();
      Thread.currentThread().interrupt();
      throw new DetectorException("interrupted while the detector started", e);
    }
    if (closed) {
      started.kill();
      throw new DetectorException("the detector is closed");
    }
    sidecar = started;
    status = DetectorStatus.ACTIVE;
    log.log(System.Logger.Level.INFO, "Detector ready (pid {0}): {1}", started.pid(), ready);
    return started;
  }

  private List<Detection> ask(SidecarProcess running, long id, byte[] jpeg)
      throws DetectorException {
    try {
      running.send(
          "{\"id\":" + id + ",\"jpeg\":\"" + Base64.getEncoder().encodeToString(jpeg) + "\"}");
      long deadline = System.nanoTime() + frameTimeout.toNanos();
      while (true) {
        String line = running.nextLine(Duration.ofNanos(deadline - System.nanoTime()));
        if (line == null) {
          running.kill();
          sidecar = null;
          failed("no answer within " + frameTimeout.toMillis() + " ms");
          throw new DetectorException("the detector gave no answer within " + frameTimeout);
        }
        Optional<Map<String, Object>> answer = parseObject(line);
        if (answer.isEmpty() || !(answer.get().get("id") instanceof Number answered)) {
          // A stray line (or an answer to a line it could not parse): not this frame's.
          continue;
        }
        if (answered.longValue() != id) {
          continue;
        }
        failuresInARow = 0;
        if (answer.get().get("ms") instanceof Number ms) {
          lastSidecarMillis = ms.doubleValue();
        }
        return detections(answer.get());
      }
    } catch (IOException e) {
      running.kill();
      sidecar = null;
      failed(e.getMessage());
      throw new SidecarDied("the detector failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Its answer would be read as the next frame's otherwise: ids guard that, but start clean.
      running.kill();
      sidecar = null;
      throw new DetectorException("interrupted while waiting for the detector", e);
    }
  }

  /** The sidecar ended (or its pipe broke) while a frame waited for its answer. */
  private static final class SidecarDied extends DetectorException {
    SidecarDied(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private void failed(String reason) {
    lastFailure = reason;
    failuresInARow++;
    if (failuresInARow >= MAX_FAILURES_IN_A_ROW) {
      status = DetectorStatus.failed(reason + " (gave up after " + failuresInARow + " in a row)");
      log.log(System.Logger.Level.ERROR, "Detector {0}", status);
      return;
    }
    // The first failure restarts at once (a killed sidecar); repeated ones back off.
    long delaySeconds = failuresInARow <= 1 ? 0 : Math.min(16, 1L << (failuresInARow - 2));
    notBeforeNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(delaySeconds);
    status = DetectorStatus.restarting(reason);
    log.log(
        System.Logger.Level.WARNING,
        "Detector failed ({0}); restarting in {1} s",
        reason,
        delaySeconds);
  }

  private static List<Detection> detections(Map<String, Object> answer) throws DetectorException {
    if (answer.get("error") instanceof String error) {
      throw new DetectorException("the detector refused the frame: " + error);
    }
    if (!(answer.get("objects") instanceof List<?> objects)) {
      throw new DetectorException("the detector answered without objects");
    }
    List<Detection> found = new ArrayList<>();
    for (Object item : objects) {
      if (item instanceof Map<?, ?> object
          && object.get("label") instanceof String label
          && object.get("score") instanceof Number score
          && object.get("box") instanceof List<?> box
          && box.size() == 4
          && box.stream().allMatch(Number.class::isInstance)) {
        found.add(
            new Detection(
                label,
                score.doubleValue(),
                new Detection.Box(
                    coordinate(box, 0),
                    coordinate(box, 1),
                    coordinate(box, 2),
                    coordinate(box, 3))));
      }
    }
    found.sort(Comparator.comparingDouble(Detection::score).reversed());
    return List.copyOf(found);
  }

  private static double coordinate(List<?> box, int index) {
    return ((Number) box.get(index)).doubleValue();
  }

  /** One line of the sidecar as a JSON object; empty for anything else (a stray log line). */
  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> parseObject(String line) {
    try {
      return JSON.readValue(line, Object.class) instanceof Map<?, ?> map
          ? Optional.of((Map<String, Object>) map)
          : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }
}
