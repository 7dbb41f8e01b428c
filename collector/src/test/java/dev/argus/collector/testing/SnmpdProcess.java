package dev.argus.collector.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Net-SNMP {@code snmpd} on a free loopback UDP port, for interop tests. It answers v1/v2c
 * with community {@link #COMMUNITY} and v3 for two users: {@link #PRIV_USER} (authPriv,
 * SHA-256/AES-128) and {@link #AUTH_USER} (authNoPriv, SHA).
 *
 * <p>The subtrees {@link #UPS_MIB} and {@link #VENDOR} are served by a {@code pass} script from a
 * data file the test rewrites with {@link #set}, so values change while snmpd runs. Values are
 * given as snmpd's pass types: {@code integer}, {@code gauge}, {@code string}, ...
 */
public final class SnmpdProcess implements AutoCloseable {

  public static final String COMMUNITY = "public";
  public static final String PRIV_USER = "argususer";
  public static final String AUTH_USER = "argusauth";
  public static final String AUTH_PASSWORD = "authpass123";
  public static final String PRIV_PASSWORD = "privpass1234";
  public static final String UPS_MIB = "1.3.6.1.2.1.33";

  /** An enterprise subtree for vendor-style tables (99999 is not assigned to anyone real). */
  public static final String VENDOR = "1.3.6.1.4.1.99999";

  private static final Path SNMPD = Path.of("/usr/sbin/snmpd");
  private static final Path SNMPGET = Path.of("/usr/bin/snmpget");

  private final Process process;
  private final Path directory;
  private final Path dataFile;
  private final int port;
  private final Map<String, String> values = new TreeMap<>(SnmpdProcess::compareOids);

  private SnmpdProcess(Process process, Path directory, Path dataFile, int port) {
    this.process = process;
    this.directory = directory;
    this.dataFile = dataFile;
    this.port = port;
  }

  /** False when Net-SNMP (Debian's snmpd and snmp packages) is not installed. */
  public static boolean available() {
    return Files.isExecutable(SNMPD) && Files.isExecutable(SNMPGET);
  }

  /**
   * @param values by numeric OID, as {@code "<type> <value>"}, e.g. {@code "integer 87"}
   */
  public static SnmpdProcess start(Path parent, Map<String, String> values) {
    try {
      Files.createDirectories(parent);
      Path directory = Files.createTempDirectory(parent.toAbsolutePath(), "snmpd-");
      Path dataFile = directory.resolve("values");
      Path script = directory.resolve("pass.sh");
      Files.writeString(script, PASS_SCRIPT);
      Files.createDirectories(directory.resolve("persist"));
      int port = freeUdpPort();
      Files.writeString(
          directory.resolve("snmpd.conf"),
          String.join(
              "\n",
              "rocommunity " + COMMUNITY + " 127.0.0.1",
              "createUser " + PRIV_USER + " SHA-256 " + AUTH_PASSWORD + " AES " + PRIV_PASSWORD,
              "createUser " + AUTH_USER + " SHA " + AUTH_PASSWORD,
              "rouser " + PRIV_USER + " priv",
              "rouser " + AUTH_USER + " auth",
              pass(UPS_MIB, script, dataFile),
              pass(VENDOR, script, dataFile),
              ""));
      var builder =
          new ProcessBuilder(
                  SNMPD.toString(),
                  "-f",
                  "-C",
                  "-c",
                  directory.resolve("snmpd.conf").toString(),
                  "-Lf",
                  directory.resolve("snmpd.log").toString(),
                  "-p",
                  directory.resolve("snmpd.pid").toString(),
                  "udp:127.0.0.1:" + port)
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("snmpd.out").toFile());
      builder.environment().put("SNMP_PERSISTENT_DIR", directory.resolve("persist").toString());
      builder.environment().put("MIBS", "");
      var snmpd = new SnmpdProcess(builder.start(), directory, dataFile, port);
      snmpd.set(values);
      snmpd.awaitAnswering();
      return snmpd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Sets (or, with a null value, removes) the given values; snmpd answers with them at once. */
  public synchronized void set(Map<String, String> changes) {
    changes.forEach(
        (oid, value) -> {
          if (value == null) {
            values.remove(oid);
          } else {
            values.put(oid, value);
          }
        });
    List<String> lines = new ArrayList<>();
    values.forEach((oid, value) -> lines.add("." + oid + " " + value));
    try {
      Path next = dataFile.resolveSibling("values.next");
      Files.write(next, lines);
      Files.move(
          next, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitAnswering() {
    try {
      await("snmpd answering on 127.0.0.1:" + port)
          .atMost(Duration.ofSeconds(15))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(this::answers);
    } catch (ConditionTimeoutException e) {
      close();
      throw new IllegalStateException(
          "snmpd did not answer on 127.0.0.1:" + port + " within 15 s; see " + directory, e);
    }
  }

  /** One {@code snmpget} of sysUpTime; fails at once when snmpd has exited. */
  private boolean answers() throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "snmpd exited with " + process.exitValue() + "; see " + directory);
    }
    var probe =
        new ProcessBuilder(
                SNMPGET.toString(),
                "-v2c",
                "-c",
                COMMUNITY,
                "-r0",
                "-t0.3",
                "127.0.0.1:" + port,
                ".1.3.6.1.2.1.1.3.0")
            .redirectErrorStream(true)
            .start();
    try {
      return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for snmpd", e);
    } finally {
      probe.destroyForcibly();
    }
  }

  private static String pass(String subtree, Path script, Path dataFile) {
    return "pass ." + subtree + " /bin/sh " + script + " " + dataFile + " ." + subtree;
  }

  private static int freeUdpPort() throws IOException {
    try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int compareOids(String a, String b) {
    return Arrays.compare(
        Arrays.stream(a.split("\\.")).mapToLong(Long::parseLong).toArray(),
        Arrays.stream(b.split("\\.")).mapToLong(Long::parseLong).toArray());
  }

  /**
   * snmpd's pass protocol: {@code -g OID} answers that OID, {@code -n OID} the next one in the
   * subtree (OIDs compared number by number), each as three lines: OID, type, value. Nothing
   * printed means no such object.
   */
  private static final String PASS_SCRIPT =
      """
      #!/bin/sh
      # $1 = data file, $2 = registered subtree, $3 = -g | -n | -s, $4 = requested OID
      exec awk -v prefix="$2" -v mode="$3" -v req="$4" '
      function cmp(a, b,   x, y, n, m, i) {
        n = split(a, x, "."); m = split(b, y, ".")
        for (i = 2; i <= n && i <= m; i++) { if (x[i] + 0 < y[i] + 0) return -1; if (x[i] + 0 > y[i] + 0) return 1 }
        return n < m ? -1 : (n > m ? 1 : 0)
      }
      mode == "-s" { print "not-writable"; exit }
      index($1 ".", prefix ".") != 1 { next }
      { value = substr($0, length($1) + length($2) + 3) }
      mode == "-g" && cmp($1, req) == 0 { print $1; print $2; print value; exit }
      mode == "-n" && cmp($1, req) > 0 { print $1; print $2; print value; exit }
      ' "$1"
      """;
}
