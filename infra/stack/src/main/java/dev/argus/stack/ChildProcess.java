package dev.argus.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the stack runs as a separate process, with its output in a log file. Stopping sends SIGTERM
 * first so the process can flush and close, and kills it only after a grace period.
 *
 * <p>Children run in a session of their own ({@code setsid}, which keeps the pid), so a Ctrl-C in
 * the terminal reaches only the launcher, which then stops them in order: services before the
 * broker they flush to. Their pids are recorded so that a later start can end children a killed
 * launcher left behind.
 */
final class ChildProcess implements AutoCloseable {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  /** The tail of a log that is read for a failure's reason: Spring's report is at its end. */
  private static final int REASON_BYTES = 256 * 1024;

  private final String name;
  private final ProcessBuilder builder;
  private final Path logFile;
  // Replaced by a restart (on the supervisor's thread), read by others.
  private volatile Process process;
  private volatile long logOffset;

  private ChildProcess(String name, ProcessBuilder builder, Path logFile) {
    this.name = name;
    this.builder = builder;
    this.logFile = logFile;
  }

  static ChildProcess startJava(
      String name,
      List<String> jvmArgs,
      List<String> mainAndArgs,
      Map<String, String> env,
      Path logFile)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(mainAndArgs);
    Files.createDirectories(logFile.getParent());
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(env);
    ChildProcess child = new ChildProcess(name, builder, logFile);
    child.launch();
    return child;
  }

  /** Starts the service again with the same command and environment, its log appended to. */
  void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
    }
    launch();
  }

  private void launch() throws IOException {
    logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
    process = builder.start();
  }

  /** Why this run of the service stopped, in its own words, if its log says. */
  Optional<StartupFailure> failure() {
    try (var log = FileChannel.open(logFile)) {
      long from = Math.max(logOffset, log.size() - REASON_BYTES);
      var bytes = ByteBuffer.allocate((int) Math.max(0, log.size() - from));
      while (bytes.hasRemaining() && log.read(bytes, from + bytes.position()) > 0) {
        // Until the buffer is full or the file ends.
      }
      return StartupFailure.in(
          new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return logFile;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The process's exit code if it has ended, for failure messages. */
  String exitDescription() {
    Process current = process;
    return current.isAlive() ? "running" : "exited with status " + current.exitValue();
  }

  /** Waits for the process to end by itself (e.g. a one-shot tool). */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          name + " did not finish within " + timeout + "; see " + logFile);
    }
    return process.exitValue();
  }

  void stop(Duration grace) {
    Process process = this.process;
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(20));
  }
}
