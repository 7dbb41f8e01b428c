package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Times the recovery from a fault that ends one of the stack's processes (a kill, a stop): samples
 * the service's pid and the fleet's stored snapshot count every 100 ms on its own thread and
 * connection. Restarted is the first sample with a new, live pid; recovered is the first sample
 * after that with more rows than at the restart. Counting from the restart rather than from the
 * fault ignores a commit the dying process had already sent, or a batch the sink had already polled
 * when the broker went away: rows that do not show that the pipeline flows again.
 */
final class RecoveryWatch implements AutoCloseable {

  /** The processor sink's consumer group for power readings (its {@code SinkLane}). */
  private static final String SINK_GROUP = "argus-sink";

  private final BenchStack stack;
  private final String service;
  private final Connection connection;
  private final StoredTelemetry stored;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile long faultAt;
  private volatile long oldPid;
  private volatile long restartedAt;
  private volatile long sinkMemberGoneAt;
  private final GroupMembers sinkGroup;
  private volatile Set<String> sinkMembersBefore = Set.of();
  private volatile long recoveredAt;
  private volatile Exception failure;

  RecoveryWatch(BenchStack stack, String service, String fleetPrefix) throws Exception {
    this.stack = stack;
    this.service = service;
    this.connection = stack.connect();
    this.stored = new StoredTelemetry(connection, fleetPrefix);
    this.sinkGroup = new GroupMembers(stack.kafkaBootstrap(), SINK_GROUP);
    this.thread = Thread.ofPlatform().name("faults-recovery-watch").daemon().start(this::watch);
  }

  /** Marks the moment the fault is injected, before it is: the service's pid is the old one. */
  void faultInjected() {
    sinkMembersBefore = sinkGroup.now();
    oldPid = stack.jvmPids().get(service);
    faultAt = System.nanoTime();
  }

  /** Seconds from the fault to the new pid, or NaN when it never came back. */
  double secondsToRestart() {
    return since(restartedAt);
  }

  /** Seconds from the fault to the first new stored row, or NaN when none came. */
  double secondsToRecover() {
    return since(recoveredAt);
  }

  /**
   * Seconds from the fault until none of the sink group's members before it is left (the broker
   * evicted or replaced them), or NaN when that was not seen (the broker did not answer, or the
   * members stayed, as they do when the fault is not the sink's).
   */
  double secondsUntilSinkMembersGone() {
    return since(sinkMemberGoneAt);
  }

  boolean recovered() {
    return recoveredAt != 0;
  }

  private double since(long at) {
    return at == 0 ? Double.NaN : (at - faultAt) / 1e9;
  }

  private void watch() {
    long rowsAtRestart = -1;
    while (running.get() && (recoveredAt == 0 || sinkMemberGoneAt == 0 && restartedAt != 0)) {
      try {
        if (faultAt != 0 && restartedAt == 0) {
          Long pid = stack.jvmPids().get(service);
          if (pid != null
              && pid != oldPid
              && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            restartedAt = System.nanoTime();
            rowsAtRestart = stored.snapshotCount();
          }
        } else if (recoveredAt == 0 && restartedAt != 0 && stored.snapshotCount() > rowsAtRestart) {
          // Only the first time: the loop runs on while it waits for the sink's members to leave
          // (they never do when the fault is not the sink's), and must not move the moment on.
          recoveredAt = System.nanoTime();
        }
        // Only once the process is back: while the broker is down every call would wait its
        // timeout and delay the samples that time the restart.
        if (restartedAt != 0 && sinkMemberGoneAt == 0 && !sinkMembersBefore.isEmpty()) {
          Set<String> members = sinkGroup.now();
          if (!members.isEmpty() && sinkMembersBefore.stream().noneMatch(members::contains)) {
            sinkMemberGoneAt = System.nanoTime();
          }
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failure = e;
      }
    }
  }

  Optional<Exception> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() throws Exception {
    running.set(false);
    thread.join(5_000);
    sinkGroup.close();
    connection.close();
  }
}
