package dev.argus.camera.testing;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real RTSP camera on 127.0.0.1: GStreamer's RTSP server run by {@code /usr/bin/python3} (the
 * system python, which has {@code gi}; CAMERAS.md). Mounts, all 320x240 at 5 fps:
 *
 * <ul>
 *   <li>{@link #BALL} a moving ball, H.264
 *   <li>{@link #STILL} SMPTE bars that never change, H.264
 *   <li>{@link #NOISE_CORNER} SMPTE bars with an animated noise corner (for zones that mask it)
 *   <li>{@link #MJPEG} the ball as RTP JPEG
 *   <li>{@link #SECURE} the ball behind basic auth {@link #USER}/{@link #PASSWORD} (on a port of
 *       its own: {@link #url} knows it); no or wrong credentials answer 401
 *   <li>{@link #FOOTAGE} {@link Footage} replayed from its start for each client (384x288, 10 fps)
 * </ul>
 *
 * <p>{@link #start()} aborts the calling test (a skip, with the reason) when python3-gi or a
 * GStreamer element is missing; {@code infra/bin/install-test-deps.sh} installs them. {@link
 * #goAway()} and {@link #comeBack()} stop and restart the server on the same ports, for offline and
 * reconnect tests.
 */
public final class RtspCamera implements AutoCloseable {

  public static final String BALL = "/ball";
  public static final String STILL = "/still";
  public static final String NOISE_CORNER = "/noise-corner";
  public static final String MJPEG = "/mjpeg";
  public static final String SECURE = "/secure";
  public static final String FOOTAGE = "/footage";
  public static final String USER = "user";
  public static final String PASSWORD = "password";

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final long START_SECONDS = 20;

  private final Path script;
  private final Optional<Path> footage;
  private int port;
  private int securePort;
  private Process process;

  private RtspCamera(Path script, Optional<Path> footage) {
    this.script = script;
    this.footage = footage;
  }

  /** Starts the camera on free ports and waits until it accepts connections. */
  public static RtspCamera start() {
    if (!Files.isExecutable(PYTHON)) {
      abort(
          "RTSP camera needs /usr/bin/python3 with python3-gi (run"
              + " infra/bin/install-test-deps.sh)");
    }
    RtspCamera camera = new RtspCamera(copyScript(), Footage.find());
    camera.launch(0, 0);
    return camera;
  }

  /** {@code rtsp://127.0.0.1:<port><mount>}; {@link #FOOTAGE} aborts the test without footage. */
  public String url(String mount) {
    if (FOOTAGE.equals(mount) && footage.isEmpty()) {
      abort(Footage.MISSING);
    }
    return "rtsp://127.0.0.1:" + (SECURE.equals(mount) ? securePort : port) + mount;
  }

  /** The port of every mount except {@link #SECURE}. */
  public int port() {
    return port;
  }

  /** Stops the server: connections are refused until {@link #comeBack()}. */
  public synchronized void goAway() {
    stop();
  }

  /** Starts the server again on the same ports. */
  public synchronized void comeBack() {
    if (process == null || !process.isAlive()) {
      launch(port, securePort);
    }
  }

  @Override
  public synchronized void close() {
    stop();
    try {
      Files.deleteIfExists(script);
    } catch (IOException ignored) {
      // A temporary file; the OS cleans up.
    }
  }

  private void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private synchronized void launch(int wantedPort, int wantedSecurePort) {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
    command.addAll(
        List.of(Integer.toString(wantedPort), Integer.toString(wantedSecurePort), USER, PASSWORD));
    footage.ifPresent(path -> command.add(path.toString()));
    try {
      // stdin stays open: the script exits when it closes, so a dead JVM takes its camera along.
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      abort("RTSP camera could not start /usr/bin/python3: " + e.getMessage());
    }
    String ready = firstLine(process.getInputStream());
    if (ready == null || !ready.startsWith("READY ")) {
      stop();
      if (ready != null && ready.startsWith("MISSING")) {
        abort("RTSP camera: " + ready + " (run infra/bin/install-test-deps.sh)");
      }
      throw new IllegalStateException("the RTSP camera did not start: " + ready);
    }
    String[] ports = ready.split(" ");
    port = Integer.parseInt(ports[1]);
    securePort = Integer.parseInt(ports[2]);
  }

  private static String firstLine(InputStream out) {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))
                    .readLine();
              } catch (IOException e) {
                return null;
              }
            });
    try {
      return line.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return "no READY line within " + START_SECONDS + " s";
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static Path copyScript() {
    try (InputStream in = RtspCamera.class.getResourceAsStream("rtsp_camera.py")) {
      if (in == null) {
        throw new IllegalStateException("rtsp_camera.py is missing beside RtspCamera");
      }
      Path copy = Files.createTempFile("argus-rtsp-camera", ".py");
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
