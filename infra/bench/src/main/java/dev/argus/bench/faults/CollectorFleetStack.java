package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the collector scenarios share: the services' settings for a stack whose collectors poll a
 * {@link SimulatedUpsFleet} every second, and waiting for, and killing, a collector.
 */
final class CollectorFleetStack {

  /** The collectors' poll interval in these scenarios. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  /**
   * The collector heartbeat (and the api's idea of it) every second: a collector silent for three
   * heartbeats, 3 s, is stale, shorter than any restart of its JVM. With the default 10 s (stale
   * after 30 s) a collector that is back within 30 s is never shown stale; with 2 s a restart of
   * 4.7 s was not either.
   */
  static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

  private CollectorFleetStack() {}

  /** Settings every service of the stack gets (replacing BenchStack's map, so its entry again). */
  static Map<String, String> environment() {
    String heartbeat = HEARTBEAT_INTERVAL.toSeconds() + "s";
    return Map.of(
        "RATE_LIMIT_PER_MINUTE", "1000000",
        "ARGUS_HEARTBEAT_INTERVAL", heartbeat,
        "ARGUS_API_COLLECTOR_HEARTBEAT_INTERVAL", heartbeat);
  }

  /**
   * Waits until every one of {@code devices} was polled successfully at least {@code polls} times.
   */
  static void awaitPolled(
      SimulatedUpsFleet fleet, Collection<String> devices, long polls, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, Long> served = fleet.pollsServed();
      long behind = devices.stream().filter(d -> served.getOrDefault(d, 0L) < polls).count();
      if (behind == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            behind + " device(s) not polled " + polls + " time(s) within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Waits until every one of {@code devices} is polled again after the counts {@code before}. */
  static void awaitPolledAgain(
      SimulatedUpsFleet fleet,
      Collection<String> devices,
      Map<String, Long> before,
      Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, Long> served = fleet.pollsServed();
      long behind =
          devices.stream().filter(d -> served.get(d) <= before.getOrDefault(d, 0L)).count();
      if (behind == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(behind + " device(s) not polled again within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Returns as soon as the simulator serves a poll: a cycle is running. */
  static void awaitCycleRunning(SimulatedUpsFleet fleet) throws InterruptedException {
    long before = fleet.totalPollsServed();
    while (fleet.totalPollsServed() == before) {
      Thread.sleep(1);
    }
  }

  /** SIGKILL to a service's JVM (what {@code kill -9} sends); returns when it was sent. */
  static Instant kill(BenchStack stack, String name, PrintStream out) {
    long pid = stack.jvmPids().get(name);
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is gone"));
    process.destroyForcibly();
    Instant at = Instant.now();
    out.printf("[%s] kill -9 (pid %d)%n", name, pid);
    return at;
  }

  /** Waits for the supervisor to start {@code name} again: a new, live pid. */
  static Instant awaitRestart(BenchStack stack, String name, long oldPid, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Long pid = stack.jvmPids().get(name);
      if (pid != null
          && pid != oldPid
          && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return Instant.now();
      }
      Thread.sleep(50);
    }
    return null;
  }

  static double seconds(Instant from, Instant to) {
    return from == null || to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1e3;
  }
}
