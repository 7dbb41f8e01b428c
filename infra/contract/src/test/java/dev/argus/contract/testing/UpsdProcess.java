package dev.argus.contract.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real NUT {@code upsd} with one {@code dummy-ups} driver (Debian's {@code nut-server}), in a
 * private configuration directory on a free loopback port.
 *
 * <p>The UPS serves the variables of a {@code .dev} file; {@link #setVariables} rewrites it and the
 * driver picks the change up within a few seconds, as a real UPS changing state would.
 */
public final class UpsdProcess implements AutoCloseable {

  public static final String UPS_NAME = "sim";
  public static final String USER = "monitor";
  public static final String PASSWORD = "monitor-secret";
  private static final List<Path> SEARCH = List.of(Path.of("/lib/nut"), Path.of("/usr/lib/nut"));

  private final Path dir;
  private final int port;
  private final Map<String, String> variables = new LinkedHashMap<>();

  private UpsdProcess(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** True when Debian's nut-server binaries are installed (tests skip otherwise). */
  public static boolean available() {
    return driverDir() != null;
  }

  public static UpsdProcess start(Path workDir, Map<String, String> initialVariables) {
    Path bin = driverDir();
    if (bin == null) {
      throw new IllegalStateException(
          "NUT is not installed: apt-get install nut-server nut-client (argus-test.sh does this)");
    }
    try {
      Files.createDirectories(workDir);
      // Absolute: the daemons change to / when they detach.
      Path dir = Files.createTempDirectory(workDir.toAbsolutePath(), "upsd-");
      var upsd = new UpsdProcess(dir, freePort());
      upsd.variables.putAll(initialVariables);
      upsd.writeConfig();
      upsd.writeDevFile();
      upsd.run(bin.resolve("dummy-ups").toString(), "-a", UPS_NAME, "-u", "root");
      upsd.run(bin.resolve("upsd").toString(), "-u", "root");
      upsd.awaitServing(Duration.ofSeconds(20));
      return upsd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String host() {
    return "127.0.0.1";
  }

  /** Changes (or adds) variables; the driver re-reads its file within a few seconds. */
  public synchronized void setVariables(Map<String, String> changes) {
    variables.putAll(changes);
    writeDevFile();
  }

  @Override
  public void close() {
    for (String pidFile : List.of("upsd.pid", "dummy-ups-" + UPS_NAME + ".pid")) {
      Path path = dir.resolve(pidFile);
      try {
        if (Files.exists(path)) {
          long pid = Long.parseLong(Files.readString(path).trim());
          ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
      } catch (IOException | NumberFormatException ignored) {
        // Best effort: a daemon that never wrote its pid file did not start.
      }
    }
  }

  private static Path driverDir() {
    return SEARCH.stream()
        .filter(
            d ->
                Files.isExecutable(d.resolve("upsd")) && Files.isExecutable(d.resolve("dummy-ups")))
        .findFirst()
        .orElse(null);
  }

  private void writeConfig() throws IOException {
    Files.writeString(
        dir.resolve("ups.conf"),
        "["
            + UPS_NAME
            + "]\n  driver = dummy-ups\n  port = "
            + UPS_NAME
            + ".dev\n"
            + "  desc = \"Argus test UPS\"\n");
    Files.writeString(dir.resolve("upsd.conf"), "LISTEN 127.0.0.1 " + port + "\n");
    Path users = dir.resolve("upsd.users");
    Files.writeString(
        users,
        "[" + USER + "]\n  password = " + PASSWORD + "\n  actions = SET\n  upsmon primary\n");
    Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
  }

  private void writeDevFile() {
    String body =
        variables.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    try {
      Path tmp = dir.resolve(UPS_NAME + ".dev.tmp");
      Files.writeString(tmp, body);
      Files.move(
          tmp,
          dir.resolve(UPS_NAME + ".dev"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(String... command) throws IOException {
    var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("daemons.log").toFile());
    pb.environment().put("NUT_CONFPATH", dir.toString());
    pb.environment().put("NUT_STATEPATH", dir.toString());
    Process process = pb.start();
    try {
      // Both daemons fork into the background; the foreground process exits once they are up.
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command[0] + " did not detach; see " + dir.resolve("daemons.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until upsd serves every variable of the .dev file: it listens before the driver has
   * connected, and the driver hands its variables over one by one.
   */
  private void awaitServing(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String lastAnswer = "no connection";
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket(host(), port)) {
        socket.setSoTimeout(2000);
        var out = socket.getOutputStream();
        out.write(("LIST VAR " + UPS_NAME + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        var in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        var served = new java.util.HashSet<String>();
        String line;
        while ((line = in.readLine()) != null
            && !line.startsWith("END LIST")
            && !line.startsWith("ERR")) {
          String[] parts = line.split(" ", 4);
          if (parts.length >= 3 && parts[0].equals("VAR")) {
            served.add(parts[2]);
          }
        }
        lastAnswer = line;
        if (served.containsAll(variables.keySet())) {
          return;
        }
      } catch (IOException notYet) {
        lastAnswer = notYet.getMessage();
      }
      sleep(200);
    }
    throw new IllegalStateException(
        "upsd on port "
            + port
            + " did not serve "
            + UPS_NAME
            + " (last answer: "
            + lastAnswer
            + "); see "
            + dir.resolve("daemons.log"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
