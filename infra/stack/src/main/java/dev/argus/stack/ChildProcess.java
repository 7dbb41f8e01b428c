package dev.argus.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the stack runs as a separate process, with its output in a log file. Stopping sends
 * SIGTERM first so the process can flush and close, and kills it only after a grace period.
 *
 * <p>Children run in a session of their own ({@code setsid}, which keeps the pid), so a Ctrl-C in
 * the terminal reaches only the launcher, which then stops them in order: services before the
 * broker they flush to. Their pids are recorded so that a later start can end children a killed
 * launcher left behind.
 */
final class ChildProcess implements AutoCloseable {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  static ChildProcess startJava(
      String name, List<String> jvmArgs, List<String> mainAndArgs, Map<String, String> env, Path logFile)
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
    return new ChildProcess(name, builder.start(), logFile);
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

  /** The process's exit code if it has ended, for start-up failure messages. */
  String exitDescription() {
    return process.isAlive() ? "running" : "exited with status " + process.exitValue();
  }

  /** Waits for the process to end by itself (e.g. a one-shot tool). */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + logFile);
    }
    return process.exitValue();
  }

  void stop(Duration grace) {
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
