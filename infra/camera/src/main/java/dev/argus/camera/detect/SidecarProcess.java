package dev.argus.camera.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Node child speaking JSON lines: its stdout lines are pumped into a queue on a daemon thread
 * (so a read can time out), its stderr into a short tail (the reason it failed, for operators), and
 * it is killed with whatever it started.
 */
final class SidecarProcess {

  private static final System.Logger log = System.getLogger(SidecarProcess.class.getName());
  private static final String END = "\u0000end";
  private static final int TAIL = 12;

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();

  private SidecarProcess(Process process, String name) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread.ofPlatform().daemon().name(name + "-stdout").start(this::pumpStdout);
    Thread.ofPlatform().daemon().name(name + "-stderr").start(this::pumpStderr);
  }

  /**
   * @throws IOException when the command cannot be run at all
   */
  static SidecarProcess start(List<String> command, Path directory, String name)
      throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    return new SidecarProcess(process, name);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Writes one request line. */
  void send(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /**
   * The next line of stdout, waiting at most {@code timeout}; null when none came in time.
   *
   * @throws IOException when the process ended (its last stderr lines in the message)
   */
  String nextLine(Duration timeout) throws IOException, InterruptedException {
    String line = lines.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    if (END.equals(line)) {
      lines.add(END);
      throw new IOException("the detector exited" + exitDescription());
    }
    return line;
  }

  /** Kills Node and its descendants. Idempotent. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** " (exit code N: last stderr line)" once it has exited, or what stderr said so far. */
  String exitDescription() {
    StringBuilder out = new StringBuilder();
    try {
      if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
        out.append(" (exit code ").append(process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String last = lastError();
    if (last != null) {
      out.append(out.isEmpty() ? " (" : ": ").append(last);
    }
    if (!out.isEmpty()) {
      out.append(')');
    }
    return out.toString();
  }

  private String lastError() {
    synchronized (stderrTail) {
      // The sidecar's own words ("detector: could not start: ...") beat the stack lines after them.
      String own = null;
      String last = null;
      for (String line : stderrTail) {
        if (line.startsWith("detector: ")) {
          own = line.substring("detector: ".length());
        }
        if (!line.isBlank()) {
          last = line.strip();
        }
      }
      return own != null ? own : last;
    }
  }

  private void pumpStdout() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException closed) {
      // Killed: what was read is all there is.
    } finally {
      lines.add(END);
    }
  }

  private void pumpStderr() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.log(System.Logger.Level.DEBUG, "detector: {0}", line);
        synchronized (stderrTail) {
          stderrTail.addLast(line.length() > 300 ? line.substring(0, 300) : line);
          while (stderrTail.size() > TAIL) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException closed) {
      // Killed.
    }
  }
}
