package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A fault the harness injects into the running stack while the load runs. */
interface Fault {

  /** The scenario's name, as given to {@code faults.sh}. */
  String name();

  /** The process the fault hits, by its name in {@link BenchStack#jvmPids()}. */
  String process();

  /** What is done, in words, for the results. */
  String description();

  /**
   * Injects the fault without blocking the load; the future completes when whatever the harness
   * itself must do to end the fault (start a stopped broker again) is done.
   */
  CompletableFuture<Void> inject(BenchStack stack, PrintStream out) throws Exception;

  /**
   * Sets the stack up before the load starts (more instances, a rule, a watcher); nothing by
   * default.
   */
  default void prepare(BenchStack stack, PrintStream out) throws Exception {}

  /**
   * The fault's own checks, once the pipeline has caught up and before the counts (what the api
   * answered during the outage, how the partitions spread); none by default.
   */
  default List<Check> verify(BenchStack stack, PrintStream out) throws Exception {
    return List.of();
  }

  /** {@code kill -9} the processor's JVM; the stack's supervisor starts it again. */
  static Fault processorKill() {
    return new Fault() {
      @Override
      public String name() {
        return "processor-kill";
      }

      @Override
      public String process() {
        return "processor";
      }

      @Override
      public String description() {
        return "SIGKILL to the processor JVM; the stack's supervisor restarted it";
      }

      @Override
      public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) {
        long pid = stack.jvmPids().get(process());
        ProcessHandle process =
            ProcessHandle.of(pid)
                .orElseThrow(
                    () -> new IllegalStateException("processor (pid " + pid + ") is gone"));
        // destroyForcibly() of a ProcessHandle sends SIGKILL on Linux: no shutdown hook, no commit.
        process.destroyForcibly();
        out.printf("[%s] kill -9 processor (pid %d)%n", name(), pid);
        return CompletableFuture.completedFuture(null);
      }
    };
  }

  /** Stop the broker (SIGTERM), leave it down for {@code outageSeconds}, start it again. */
  static Fault brokerRestart(int outageSeconds) {
    return new Fault() {
      @Override
      public String name() {
        return "broker-restart";
      }

      @Override
      public String process() {
        return "kafka";
      }

      @Override
      public String description() {
        return "the broker stopped (SIGTERM), down for "
            + outageSeconds
            + " s, then started again on the same ports and data";
      }

      @Override
      public CompletableFuture<Void> inject(BenchStack stack, PrintStream out) {
        return CompletableFuture.runAsync(
            () -> {
              try {
                out.printf("[%s] stopping the broker%n", name());
                stack.stopBroker();
                out.printf("[%s] broker stopped; down for %d s%n", name(), outageSeconds);
                Thread.sleep(outageSeconds * 1000L);
                stack.startBrokerAgain();
                out.printf("[%s] broker started again%n", name());
              } catch (Exception e) {
                throw new IllegalStateException("The broker restart failed: " + e, e);
              }
            },
            runnable -> Thread.ofPlatform().name("faults-broker-restart").start(runnable));
      }
    };
  }
}
