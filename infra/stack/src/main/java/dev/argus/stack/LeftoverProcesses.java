package dev.argus.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Records the pids of the stack's child processes in the data directory, and ends the ones an
 * earlier launcher left running (e.g. after {@code kill -9}), so they neither hold the ports nor
 * write to the data a new start uses. A pid is only ended if its command line still names this data
 * directory or this checkout, so a recycled pid of an unrelated process is left alone.
 */
final class LeftoverProcesses {

  static final String LAUNCHER = "launcher";

  private final Path pidFile;
  private final List<String> markers;

  LeftoverProcesses(Path dataDir, Path home) {
    this.pidFile = dataDir.resolve("stack.pids");
    this.markers = List.of(dataDir.toString(), home.toString());
  }

  /**
   * Ends what the pid file lists and is still ours, and a PostgreSQL left running on the data
   * directory; returns how many processes were ended.
   *
   * @throws IllegalStateException when the launcher that recorded them is itself still running
   */
  int endLeftovers(Path postgresDataDir) throws IOException {
    List<ProcessHandle> leftovers = new ArrayList<>();
    if (Files.exists(pidFile)) {
      for (String line : Files.readAllLines(pidFile)) {
        String[] parts = line.trim().split(" ", 2);
        Optional<ProcessHandle> process = parse(parts[0]).flatMap(ProcessHandle::of);
        boolean launcher = parts.length == 2 && parts[1].equals(LAUNCHER);
        if (process.isEmpty()
            || process.get().pid() == ProcessHandle.current().pid()
            || !process.get().isAlive()
            || !(isOurs(process.get()) || launcher && isLauncher(process.get()))) {
          continue;
        }
        if (launcher) {
          throw new IllegalStateException(
              "Argus is already running from "
                  + markers.getFirst()
                  + " (launcher pid "
                  + parts[0]
                  + "): stop it first (Ctrl-C there, or kill "
                  + parts[0]
                  + ")");
        }
        leftovers.add(process.get());
      }
    }
    Path postmasterPid = postgresDataDir.resolve("postmaster.pid");
    if (Files.exists(postmasterPid)) {
      parse(Files.readAllLines(postmasterPid).getFirst())
          .flatMap(ProcessHandle::of)
          .filter(p -> p.isAlive() && isOurs(p))
          .ifPresent(leftovers::add);
    }
    for (ProcessHandle process : leftovers) {
      process.destroy();
      try {
        process.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception stillThere) {
        process.destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile);
    return leftovers.size();
  }

  /** After a clean stop nothing is left to end. */
  void forget() throws IOException {
    Files.deleteIfExists(pidFile);
  }

  void record(Map<String, Long> pids) throws IOException {
    Files.createDirectories(pidFile.getParent());
    var lines = pids.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
    Files.write(pidFile, lines);
  }

  private static boolean isLauncher(ProcessHandle process) {
    return process.info().commandLine().orElse("").contains(LocalStack.class.getName());
  }

  private boolean isOurs(ProcessHandle process) {
    String commandLine = process.info().commandLine().orElse("");
    return markers.stream().anyMatch(commandLine::contains);
  }

  private static Optional<Long> parse(String word) {
    try {
      return Optional.of(Long.parseLong(word.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
