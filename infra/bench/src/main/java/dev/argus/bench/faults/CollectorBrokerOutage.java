package dev.argus.bench.faults;

import static dev.argus.bench.faults.CollectorFleetStack.POLL_INTERVAL;
import static dev.argus.bench.faults.CollectorFleetStack.seconds;

import dev.argus.bench.BenchStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code broker-outage-long}: the collector polls {@code --devices} simulated UPSes over NUT every
 * second while the broker is down for longer than its producers used to keep a record ({@code
 * delivery.timeout.ms}, 60 s): {@code --outage} seconds, at least 90. Every successful poll the
 * simulator served must reach the topic and the database once; the collector must stay up.
 */
final class CollectorBrokerOutage implements Scenario {

  static final String NAME = "broker-outage-long";
  static final int MIN_OUTAGE_SECONDS = 90;
  private static final String COLLECTOR = "collector";

  private final FaultsOptions options;

  CollectorBrokerOutage(FaultsOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioRow run(FaultsContext context) throws Exception {
    PrintStream out = context.out();
    int devices = options.devices();
    int outage = Math.max(MIN_OUTAGE_SECONDS, options.outage());
    try (SimulatedUpsFleet fleet = SimulatedUpsFleet.start("bo", devices)) {
      BenchStack stack =
          context.ownStack(
              NAME,
              builder ->
                  builder
                      .extraDevices(fleet.uris())
                      .pollInterval(POLL_INTERVAL)
                      .serviceEnvironment(CollectorFleetStack.environment()));
      Duration drain = Duration.ofSeconds(options.drainTimeout());
      CollectorFleetStack.awaitPolled(fleet, fleet.deviceIds(), 2, drain);
      long collectorPid = stack.jvmPids().get(COLLECTOR);
      long failuresBefore = publishFailures(stack);
      out.printf(
          "[%s] the collector polls %d UPSes every %d s; broker down at %d.5 s for %d s%n",
          NAME, devices, POLL_INTERVAL.toSeconds(), options.killAfter(), outage);
      Thread.sleep(options.killAfter() * 1000L + 500);
      long servedAtStop = fleet.totalPollsServed();
      Instant stoppedAt = Instant.now();
      Instant backAt;
      double toRecover;
      try (RecoveryWatch watch = new RecoveryWatch(stack, "kafka", fleet.prefix())) {
        watch.faultInjected();
        Fault.brokerRestart(outage).inject(stack, out).get();
        backAt = Instant.now();
        long deadline = System.nanoTime() + drain.toNanos();
        while (!watch.recovered() && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        toRecover = watch.secondsToRecover();
      }
      long servedDuringOutage = fleet.totalPollsServed() - servedAtStop;
      out.printf(
          "[%s] broker back after %.1f s; %,d polls served meanwhile%n",
          NAME, seconds(stoppedAt, backAt), servedDuringOutage);
      // The buffered readings go out once the producers reconnect; then a while of normal polling.
      Thread.sleep(20_000);
      CollectorFleetCount.Result count = CollectorFleetCount.count(stack, fleet, drain, out);
      long failures = publishFailures(stack) - failuresBefore;
      boolean sameCollector = stack.jvmPids().get(COLLECTOR) == collectorPid;
      List<Check> checks = new ArrayList<>();
      checks.add(count.pollsCheck("polls served against readings", 0));
      checks.add(Check.count("collector publish failures logged", 0, failures));
      checks.add(
          Check.of(
              "the collector stayed up",
              "same pid",
              sameCollector ? "same pid" : "restarted",
              sameCollector));
      checks.add(
          Check.count(
              "polls published twice (argus.readings.power)", 0, count.readings().duplicates()));
      String description =
          String.format(
              Locale.ROOT,
              "the collector polling %d simulated UPSes over NUT every %d s; the broker stopped"
                  + " (SIGTERM) %d.5 s into the polling, down for %d s (%,d successful polls"
                  + " served meanwhile), then started again on the same ports and data.",
              devices,
              POLL_INTERVAL.toSeconds(),
              options.killAfter(),
              outage,
              servedDuringOutage);
      return count.row(NAME, description, seconds(stoppedAt, backAt), toRecover, checks);
    }
  }

  /**
   * The collector's log lines that say a record could not be published ({@code TopicPublisher}).
   */
  private static long publishFailures(BenchStack stack) throws IOException {
    try (var lines = Files.lines(stack.logFile(COLLECTOR))) {
      return lines.filter(line -> line.contains("Could not publish to")).count();
    }
  }
}
