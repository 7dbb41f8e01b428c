package dev.argus.contract.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real TimescaleDB on loopback from the workplace tool {@code shared/tools/timescaledb-lite}
 * (PostgreSQL 17 + TimescaleDB compiled to WebAssembly). It accepts ONE connection at a time and
 * runs no background jobs, so it proves SQL, not performance. Found beside the project checkout (or
 * at {@code ARGUS_TSDB_LITE}); absent elsewhere.
 */
public final class TimescaleDbLite implements AutoCloseable {

  private final Path script;
  private final int port;

  private TimescaleDbLite(Path script, int port) {
    this.script = script;
    this.port = port;
  }

  /**
   * The tool's script, when it is there and can run: it needs Node.js and npm on the PATH, so a
   * machine without them skips the TimescaleDB tests rather than failing them.
   */
  public static Optional<Path> locate() {
    if (!onPath("node") || !onPath("npm")) {
      return Optional.empty();
    }
    String configured = System.getenv("ARGUS_TSDB_LITE");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Optional.of(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/tools/timescaledb-lite/tsdb-lite");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  public static TimescaleDbLite start(Path script) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var lite = new TimescaleDbLite(script, port);
    // First start installs its npm packages into ~/.cache; allow for that.
    lite.run(Duration.START, "start", Integer.toString(port));
    return lite;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(Duration.STOP, "stop", Integer.toString(port));
  }

  private enum Duration {
    START(300),
    STOP(30);
    final int seconds;

    Duration(int seconds) {
      this.seconds = seconds;
    }
  }

  private void run(Duration limit, String... args) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<String>();
    command.add(script.toString());
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(limit.seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(
          "timescaledb-lite " + args[0] + " took longer than " + limit.seconds + " s");
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException("timescaledb-lite " + args[0] + " failed: " + output);
    }
  }
}
