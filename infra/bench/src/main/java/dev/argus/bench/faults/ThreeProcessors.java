package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.bench.ReadingProducer;
import dev.argus.bench.SyntheticFleet;
import dev.argus.bench.faults.ProcessorGroups.Assignment;
import dev.argus.contract.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Three processors share the partitions (same Streams application id, same sink groups); one of the
 * two extra instances is killed with SIGKILL under load and, once its partitions flow again at the
 * others, started again. Before the load, {@link #prepare} grows the stack from one processor to
 * three and times, at each size, how fast a backlog of readings reaches {@code power_snapshots}:
 * the scaling figure.
 *
 * <p>The extra instances run with static membership ({@code ARGUS_KAFKA_GROUP_INSTANCE_ID}
 * processor-2 and processor-3): their group members are recognisable in the group descriptions, and
 * the returning instance takes its id back. The stack's own processor has no instance id.
 *
 * <p>"Flowing again" is measured on the broker, not guessed from rows: the committed offsets of the
 * {@code argus.readings.power} partitions the killed instance held, in the sink's group (committed
 * after the rows are written) and in the Streams application's (committed with the transaction that
 * derived events and energy). Every partition gets readings every 100 ms under the load, so an
 * offset that stands still is a partition nobody processes.
 */
final class ThreeProcessors implements Fault {

  private static final List<String> EXTRA = List.of("processor-2", "processor-3");
  private static final String POWER = Topics.READINGS_POWER.name();
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(180);

  /** Readings per device in each scaling backlog. */
  private static final int BACKLOG_ROUNDS = 200;

  private final FaultsOptions options;
  // The extra instance to kill, chosen once the three share the work (see chooseVictim).
  private volatile String killed = "processor-3";
  private final List<Check> scaling = new ArrayList<>();
  private final List<Check> kill = new ArrayList<>();
  private volatile ProcessorGroups groups;
  private volatile Assignment before;
  private volatile Assignment afterKill;
  private volatile String afterKillProblem = "not seen";
  private volatile double sinkFlowSeconds = Double.NaN;
  private volatile double streamsFlowSeconds = Double.NaN;
  private volatile double twoMembersSeconds = Double.NaN;
  private volatile double returnedSeconds = Double.NaN;
  private volatile Set<TopicPartition> sinkHeld = Set.of();
  private volatile Set<TopicPartition> streamsHeld = Set.of();

  ThreeProcessors(FaultsOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "three-processors";
  }

  @Override
  public String process() {
    return killed;
  }

  @Override
  public String description() {
    return String.format(
        Locale.ROOT,
        "three processors (the stack's, processor-2, processor-3) share the partitions; SIGKILL to"
            + " %s (not supervised; the extra instance with the most power partitions of Streams);"
            + " its argus.readings.power partitions flowed again at"
            + " the others: %s; %s; the groups had 2 members after %.1f s; the harness started it"
            + " again at %.1f s (the row's restart column is that return, recover the first new"
            + " row after it)",
        killed,
        flowing(sinkHeld, sinkFlowSeconds, "sink"),
        flowing(streamsHeld, streamsFlowSeconds, "Streams"),
        twoMembersSeconds,
        returnedSeconds);
  }

  @Override
  public void prepare(BenchStack stack, PrintStream out) throws Exception {
    groups = new ProcessorGroups(stack.kafkaBootstrap());
    for (int processors = 1; processors <= 3; processors++) {
      if (processors > 1) {
        String instance = "processor-" + processors;
        stack.startInstance(
            "processor", instance, Map.of("ARGUS_KAFKA_GROUP_INSTANCE_ID", instance));
        out.printf("[%s] started %s%n", name(), instance);
      }
      Assignment settled = groups.awaitMembers(processors, SETTLE_TIMEOUT);
      scaling.add(drainBacklog(stack, processors, settled, out));
    }
    before = groups.awaitMembers(3, SETTLE_TIMEOUT);
    killed = chooseVictim(before);
    out.printf(
        "[%s] before the kill: sink %s | streams %s%n",
        name(),
        before.partitionsOf(ProcessorGroups.SINK, POWER),
        before.partitionsOf(ProcessorGroups.STREAMS, POWER));
  }

  /**
   * The extra instance holding the most power partitions of the Streams application (then of the
   * sink): Streams gives a new instance stateful tasks only once its state has caught up (warm-up
   * replicas), so one of the two may hold none, and killing it would not test the Streams side.
   */
  private static String chooseVictim(Assignment assignment) {
    String victim = EXTRA.get(EXTRA.size() - 1);
    int best = -1;
    for (String instance : EXTRA) {
      int held =
          assignment.heldBy(ProcessorGroups.STREAMS, instance, POWER).size() * 100
              + assignment.heldBy(ProcessorGroups.SINK, instance, POWER).size();
      if (held > best) {
        best = held;
        victim = instance;
      }
    }
    return victim;
  }

  /**
   * Pauses every processor (SIGSTOP, shorter than the session timeout, so no rebalance), produces a
   * backlog of readings, resumes them and times until every reading is a row.
   */
  private Check drainBacklog(
      BenchStack stack, int processors, Assignment assignment, PrintStream out) throws Exception {
    // No flipping devices: the backlog derives no events, only rows and energy.
    SyntheticFleet fleet =
        new SyntheticFleet("faults-scaling-" + processors, options.devices(), 0, 5);
    long readings = (long) options.devices() * BACKLOG_ROUNDS;
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Long> pids = processorPids(stack);
    long resumed;
    try (ReadingProducer producer = new ReadingProducer(stack.kafkaBootstrap())) {
      signal("STOP", pids);
      try {
        for (int round = 0; round < BACKLOG_ROUNDS; round++) {
          for (int device = 0; device < options.devices(); device++) {
            producer.send(fleet.reading(device, round, base.plusSeconds(round)));
          }
        }
        producer.flush();
      } finally {
        signal("CONT", pids);
        resumed = System.nanoTime();
      }
    }
    long stored;
    try (Connection db = stack.connect()) {
      StoredTelemetry telemetry = new StoredTelemetry(db, fleet.prefix());
      long deadline = resumed + Duration.ofSeconds(options.drainTimeout()).toNanos();
      while ((stored = telemetry.snapshotCount()) < readings && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    double seconds = (System.nanoTime() - resumed) / 1e9;
    double rate = stored / seconds;
    String observed =
        String.format(
            Locale.ROOT,
            "%,d of %,d readings stored in %.1f s after the resume: %,.0f rows/s; argus-sink %s;"
                + " streams %s",
            stored,
            readings,
            seconds,
            rate,
            assignment.partitionsOf(ProcessorGroups.SINK, POWER),
            assignment.partitionsOf(ProcessorGroups.STREAMS, POWER));
    out.printf("[%s] scaling, %d processor(s): %s%n", name(), processors, observed);
    return Check.of(
        "ingest with " + processors + " processor" + (processors == 1 ? "" : "s"),
        "every backlog reading stored (figure: rows/s)",
        observed,
        stored == readings);
  }

  private static List<Long> processorPids(BenchStack stack) {
    return stack.jvmPids().entrySet().stream()
        .filter(e -> e.getKey().startsWith("processor"))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static void signal(String signal, List<Long> pids)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    int status = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + status);
    }
  }

  @Override
  public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) {
    long pid = stack.jvmPids().get(killed);
    return CompletableFuture.runAsync(
        () -> {
          try {
            killAndWatch(stack, pid, out);
          } catch (Exception e) {
            throw new IllegalStateException("three-processors: " + e, e);
          }
        },
        runnable -> Thread.ofPlatform().name("faults-three-processors").start(runnable));
  }

  private void killAndWatch(BenchStack stack, long pid, PrintStream out) throws Exception {
    sinkHeld = before.heldBy(ProcessorGroups.SINK, killed, POWER);
    streamsHeld = before.heldBy(ProcessorGroups.STREAMS, killed, POWER);
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    long killedAt = System.nanoTime();
    out.printf(
        "[%s] kill -9 %s (pid %d), which held %s of the sink and %s of the Streams application%n",
        name(), killed, pid, sinkHeld, streamsHeld);
    Map<TopicPartition, Long> sinkAt = groups.committed(ProcessorGroups.SINK, sinkHeld);
    Map<TopicPartition, Long> streamsAt = groups.committed(ProcessorGroups.STREAMS, streamsHeld);
    long deadline = killedAt + FLOW_TIMEOUT.toNanos();
    while ((Double.isNaN(sinkFlowSeconds) || Double.isNaN(streamsFlowSeconds))
        && System.nanoTime() < deadline) {
      double now = (System.nanoTime() - killedAt) / 1e9;
      try {
        if (Double.isNaN(sinkFlowSeconds)
            && ProcessorGroups.moved(sinkAt, groups.committed(ProcessorGroups.SINK, sinkHeld))
                .containsAll(sinkHeld)) {
          sinkFlowSeconds = now;
        }
        if (Double.isNaN(streamsFlowSeconds)
            && ProcessorGroups.moved(
                    streamsAt, groups.committed(ProcessorGroups.STREAMS, streamsHeld))
                .containsAll(streamsHeld)) {
          streamsFlowSeconds = now;
        }
      } catch (Exception brokerSlow) {
        // A slow answer is sampled again.
      }
      Thread.sleep(200);
    }
    out.printf(
        "[%s] %s's partitions flowing again: sink after %.1f s, Streams after %.1f s%n",
        name(), killed, sinkFlowSeconds, streamsFlowSeconds);
    try {
      afterKill = groups.awaitMembers(2, SETTLE_TIMEOUT);
      afterKillProblem = "";
      twoMembersSeconds = (System.nanoTime() - killedAt) / 1e9;
    } catch (IllegalStateException notSettled) {
      afterKillProblem = notSettled.getMessage();
    }
    stack.restartInstance(killed);
    returnedSeconds = (System.nanoTime() - killedAt) / 1e9;
    out.printf("[%s] %s started again after %.1f s%n", name(), killed, returnedSeconds);
  }

  @Override
  public List<Check> verify(BenchStack stack, PrintStream out) throws Exception {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.of(
            "assignment before the kill",
            "3 members in each processor group, every partition assigned once",
            "sink "
                + before.partitionsOf(ProcessorGroups.SINK, POWER)
                + " | streams "
                + before.partitionsOf(ProcessorGroups.STREAMS, POWER),
            true));
    checks.add(
        Check.of(
            "partitions of the killed instance flowing again",
            "the sink's and the Streams application's committed offsets of every"
                + " argus.readings.power partition "
                + killed
                + " held move again (figure: time)",
            flowing(sinkHeld, sinkFlowSeconds, "sink")
                + ", "
                + flowing(streamsHeld, streamsFlowSeconds, "Streams"),
            !sinkHeld.isEmpty()
                && !Double.isNaN(sinkFlowSeconds)
                && !Double.isNaN(streamsFlowSeconds)));
    checks.add(
        Check.of(
            "assignment after the kill",
            "2 members in each group, every partition assigned once",
            afterKill == null
                ? afterKillProblem
                : String.format(
                    Locale.ROOT,
                    "after %.1f s: sink %s | streams %s",
                    twoMembersSeconds,
                    afterKill.partitionsOf(ProcessorGroups.SINK, POWER),
                    afterKill.partitionsOf(ProcessorGroups.STREAMS, POWER)),
            afterKill != null));
    checks.add(afterReturn());
    checks.addAll(scaling);
    for (String instance : EXTRA) {
      stack.stopInstance(instance, Duration.ofSeconds(30));
    }
    groups.close();
    return checks;
  }

  private static String flowing(Set<TopicPartition> held, double seconds, String group) {
    String partitions =
        held.stream()
            .map(p -> Integer.toString(p.partition()))
            .sorted()
            .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    if (held.isEmpty()) {
      return group + ": it held no partition of argus.readings.power";
    }
    return String.format(Locale.ROOT, "%s %s after %.1f s", group, partitions, seconds);
  }

  private Check afterReturn() throws Exception {
    String expected =
        "3 members in each group, every partition assigned once, "
            + killed
            + " holds argus.readings.power partitions of the sink again";
    try {
      Assignment back = groups.awaitMembers(3, SETTLE_TIMEOUT);
      boolean spread = !back.heldBy(ProcessorGroups.SINK, killed, POWER).isEmpty();
      return Check.of(
          "assignment after the return",
          expected,
          "sink "
              + back.partitionsOf(ProcessorGroups.SINK, POWER)
              + " | streams "
              + back.partitionsOf(ProcessorGroups.STREAMS, POWER),
          spread);
    } catch (IllegalStateException notSettled) {
      return Check.of("assignment after the return", expected, notSettled.getMessage(), false);
    }
  }
}
