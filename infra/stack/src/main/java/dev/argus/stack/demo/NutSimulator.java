package dev.argus.stack.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NUT server speaking the real network protocol (as {@code upsd} does, port 3493 by default) on
 * loopback for the demo fleet, so the collector polls it exactly as it polls real hardware.
 *
 * <p>Supports what clients such as {@code upsc} and the Argus collector use: {@code VER}, {@code
 * NETVER}, {@code HELP}, {@code LIST UPS}, {@code LIST VAR}, {@code GET VAR}, {@code GET UPSDESC},
 * {@code USERNAME}, {@code PASSWORD}, {@code LOGOUT}. A UPS whose driver is lost answers {@code ERR
 * DRIVER-NOT-CONNECTED}, like upsd does.
 */
public final class NutSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NutSimulator.class);

  private final Map<String, SimulatedUps> upses = new LinkedHashMap<>();
  private final Clock clock;
  private final Instant epoch;
  private final ServerSocket server;
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
  // LIST VAR answers with variables, per UPS: the fault harness counts a collector's readings
  // against the polls it really made.
  private final Map<String, AtomicLong> variableListsServed = new ConcurrentHashMap<>();
  private volatile boolean driversConnected = true;

  private NutSimulator(List<SimulatedUps> fleet, Clock clock, ServerSocket server) {
    fleet.forEach(u -> upses.put(u.name(), u));
    this.clock = clock;
    this.epoch = clock.instant();
    this.server = server;
  }

  public static NutSimulator start(List<SimulatedUps> fleet, int port, Clock clock)
      throws IOException {
    var server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    var simulator = new NutSimulator(fleet, clock, server);
    Thread.ofVirtual().name("nut-simulator-accept").start(simulator::acceptLoop);
    return simulator;
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<String> upsNames() {
    return List.copyOf(upses.keySet());
  }

  /**
   * How many times {@code LIST VAR} of {@code ups} was answered with its variables: one for every
   * successful poll of it by a collector.
   */
  public long variableListsServed(String ups) {
    AtomicLong served = variableListsServed.get(ups);
    return served == null ? 0 : served.get();
  }

  /**
   * Turns every UPS's driver off ({@code ERR DRIVER-NOT-CONNECTED}, as upsd answers) or on again;
   * off freezes {@link #variableListsServed}, so the fault harness can count against a fixed number
   * of polls while the collector keeps polling.
   */
  public void driversConnected(boolean connected) {
    driversConnected = connected;
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.submit(() -> serve(socket));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        log.warn("NUT simulator accept failed: {}", e.getMessage());
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        var in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
      socket.setSoTimeout(60_000);
      String line;
      while ((line = in.readLine()) != null) {
        boolean keepOpen = answer(line.trim(), out);
        out.flush();
        if (!keepOpen) {
          return;
        }
      }
    } catch (IOException e) {
      log.debug("NUT simulator connection ended: {}", e.getMessage());
    }
  }

  /** Writes the answer to one request; false when the client logged out. */
  boolean answer(String request, Writer out) throws IOException {
    List<String> words = List.of(request.split("\\s+"));
    String command = words.get(0).toUpperCase(java.util.Locale.ROOT);
    switch (command) {
      case "VER" -> out.write("Argus NUT simulator 1.0\n");
      case "NETVER" -> out.write("1.3\n");
      case "HELP" -> out.write("Commands: HELP VER GET LIST USERNAME PASSWORD LOGOUT\n");
      case "USERNAME", "PASSWORD" ->
          out.write(words.size() == 2 ? "OK\n" : "ERR INVALID-ARGUMENT\n");
      case "LOGOUT" -> {
        out.write("OK Goodbye\n");
        return false;
      }
      case "LIST" -> list(words, out);
      case "GET" -> get(words, out);
      case "STARTTLS" -> out.write("ERR FEATURE-NOT-CONFIGURED\n");
      default -> out.write("ERR UNKNOWN-COMMAND\n");
    }
    return true;
  }

  private void list(List<String> words, Writer out) throws IOException {
    if (words.size() == 2 && words.get(1).equalsIgnoreCase("UPS")) {
      out.write("BEGIN LIST UPS\n");
      for (SimulatedUps ups : upses.values()) {
        out.write("UPS " + ups.name() + " \"" + ups.description() + "\"\n");
      }
      out.write("END LIST UPS\n");
      return;
    }
    if (words.size() == 3 && words.get(1).equalsIgnoreCase("VAR")) {
      String name = words.get(2);
      Optional<Map<String, String>> vars = variables(name, out);
      if (vars.isEmpty()) {
        return;
      }
      variableListsServed.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
      out.write("BEGIN LIST VAR " + name + "\n");
      for (var entry : vars.get().entrySet()) {
        out.write("VAR " + name + " " + entry.getKey() + " \"" + entry.getValue() + "\"\n");
      }
      out.write("END LIST VAR " + name + "\n");
      return;
    }
    out.write("ERR INVALID-ARGUMENT\n");
  }

  private void get(List<String> words, Writer out) throws IOException {
    if (words.size() == 4 && words.get(1).equalsIgnoreCase("VAR")) {
      String name = words.get(2);
      Optional<Map<String, String>> vars = variables(name, out);
      if (vars.isEmpty()) {
        return;
      }
      String value = vars.get().get(words.get(3));
      out.write(
          value == null
              ? "ERR VAR-NOT-SUPPORTED\n"
              : "VAR " + name + " " + words.get(3) + " \"" + value + "\"\n");
      return;
    }
    if (words.size() == 3 && words.get(1).equalsIgnoreCase("UPSDESC")) {
      SimulatedUps ups = upses.get(words.get(2));
      out.write(
          ups == null
              ? "ERR UNKNOWN-UPS\n"
              : "UPSDESC " + ups.name() + " \"" + ups.description() + "\"\n");
      return;
    }
    out.write("ERR INVALID-ARGUMENT\n");
  }

  /** The UPS's variables now; writes the NUT error and returns empty when there are none. */
  private Optional<Map<String, String>> variables(String name, Writer out) throws IOException {
    SimulatedUps ups = upses.get(name);
    if (ups == null) {
      out.write("ERR UNKNOWN-UPS\n");
      return Optional.empty();
    }
    Optional<Map<String, String>> vars =
        driversConnected ? ups.variablesAt(clock.instant(), epoch) : Optional.empty();
    if (vars.isEmpty()) {
      out.write("ERR DRIVER-NOT-CONNECTED\n");
    }
    return vars;
  }
}
