package dev.argus.bench.faults;

import dev.argus.stack.demo.NutSimulator;
import dev.argus.stack.demo.SimulatedUps;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UPSes a real collector polls over the NUT protocol: one {@link NutSimulator} (the demo fleet's
 * server) on a free loopback port serving {@code count} steady UPSes — on line, load and
 * temperature well inside every threshold, so that the only events are the ones a fault causes.
 * Device {@code i} is {@code <prefix>-<i>} (three digits), its UPS {@code u<i>}.
 */
final class SimulatedUpsFleet implements AutoCloseable {

  private final String prefix;
  private final int count;
  private final NutSimulator simulator;

  private SimulatedUpsFleet(String prefix, int count, NutSimulator simulator) {
    this.prefix = prefix;
    this.count = count;
    this.simulator = simulator;
  }

  static SimulatedUpsFleet start(String prefix, int count) throws IOException {
    List<SimulatedUps> upses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      upses.add(
          new SimulatedUps(
              upsName(i),
              "Faults UPS " + i,
              "Faults 1000",
              "FAULTS-" + i,
              600 + i % 7 * 100,
              Duration.ofMinutes(2),
              Duration.ofSeconds(i % 120),
              null,
              null,
              30,
              10,
              25,
              1));
    }
    // Port 0: a free port; the collector learns it from the URIs.
    return new SimulatedUpsFleet(prefix, count, NutSimulator.start(upses, 0, Clock.systemUTC()));
  }

  String prefix() {
    return prefix;
  }

  int port() {
    return simulator.port();
  }

  String deviceId(int i) {
    return String.format("%s-%03d", prefix, i);
  }

  static String upsName(int i) {
    return String.format("u%03d", i);
  }

  List<String> deviceIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(deviceId(i));
    }
    return ids;
  }

  /** The {@code nut://} URIs of devices {@code from} (inclusive) to {@code to} (exclusive). */
  List<String> uris(int from, int to) {
    List<String> uris = new ArrayList<>();
    for (int i = from; i < to; i++) {
      uris.add("nut://127.0.0.1:" + port() + "/" + upsName(i) + "?id=" + deviceId(i));
    }
    return uris;
  }

  List<String> uris() {
    return uris(0, count);
  }

  /** Successful polls served so far, by device id (a {@code LIST VAR} answered with variables). */
  Map<String, Long> pollsServed() {
    Map<String, Long> served = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      served.put(deviceId(i), simulator.variableListsServed(upsName(i)));
    }
    return served;
  }

  long totalPollsServed() {
    return pollsServed().values().stream().mapToLong(Long::longValue).sum();
  }

  /** See {@link NutSimulator#driversConnected}: off, polls fail and the served counts freeze. */
  void driversConnected(boolean connected) {
    simulator.driversConnected(connected);
  }

  @Override
  public void close() throws IOException {
    simulator.close();
  }
}
