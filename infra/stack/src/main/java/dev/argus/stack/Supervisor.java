package dev.argus.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts a service of the local stack that died, as {@link RestartPolicy} says, with one line
 * each time; gives up when the policy does. Nothing is lost meanwhile: the collector's readings
 * wait in Kafka, and the processor resumes from its committed offsets.
 *
 * <p>Everything happens on one thread (checks every half second, restarts when their delay is
 * over), so the crash records need no locking; {@link #close()} ends that thread before the stack
 * stops the services, so a service being stopped is not taken for a crash.
 */
final class Supervisor implements AutoCloseable {

  private static final Duration CHECK_EVERY = Duration.ofMillis(500);

  private final List<ChildProcess> services;
  private final RestartPolicy policy;
  private final Clock clock;
  private final PrintStream out;
  private final Runnable afterRestart;
  private final Consumer<String> giveUp;
  private final Map<ChildProcess, List<Instant>> crashes = new HashMap<>();
  private final Set<ChildProcess> restarting = new HashSet<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "argus-supervisor");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param afterRestart run after each restart (the stack records the new pid)
   * @param giveUp told why, once, when a service is given up; supervision ends then
   */
  Supervisor(
      List<ChildProcess> services,
      RestartPolicy policy,
      Clock clock,
      PrintStream out,
      Runnable afterRestart,
      Consumer<String> giveUp) {
    this.services = List.copyOf(services);
    this.policy = policy;
    this.clock = clock;
    this.out = out;
    this.afterRestart = afterRestart;
    this.giveUp = giveUp;
  }

  void start() {
    thread.scheduleWithFixedDelay(
        this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void check() {
    for (ChildProcess service : services) {
      if (thread.isShutdown() || restarting.contains(service) || service.isAlive()) {
        continue;
      }
      List<Instant> times = crashes.computeIfAbsent(service, s -> new ArrayList<>());
      Instant now = clock.instant();
      times.removeIf(t -> t.isBefore(now.minus(policy.window())));
      times.add(now);
      String what =
          "The "
              + service.name()
              + " service "
              + service.exitDescription()
              + service.failure().map(f -> " (" + f.reason() + ")").orElse("");
      switch (policy.decide(times)) {
        case RestartPolicy.Restart restart -> {
          out.println(
              "! "
                  + what
                  + "; restarting it in "
                  + format(restart.delay())
                  + " (restart "
                  + restart.number()
                  + ")");
          restarting.add(service);
          thread.schedule(
              () -> restart(service), restart.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        case RestartPolicy.GiveUp gaveUp -> {
          thread.shutdown();
          giveUp.accept(
              what
                  + ", "
                  + gaveUp.crashes()
                  + " times within "
                  + format(gaveUp.window())
                  + "; giving up (ARGUS_RESTART_LIMIT allows "
                  + policy.limit()
                  + (policy.limit() == 1 ? " restart" : " restarts")
                  + " within ARGUS_RESTART_WINDOW). See "
                  + service.logFile());
          return;
        }
      }
    }
  }

  private void restart(ChildProcess service) {
    try {
      service.restart();
      afterRestart.run();
    } catch (IOException | RuntimeException e) {
      // Left dead: the next check counts it as another crash.
      out.println("! Could not restart the " + service.name() + " service: " + e.getMessage());
    } finally {
      restarting.remove(service);
    }
  }

  static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + " ms";
    }
    long s = d.toSeconds();
    return s % 60 != 0 || s == 0 ? s + " s" : s / 60 + " min";
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "the supervisor";
  }
}
