package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import dev.argus.stack.StackOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What a scenario runs with: the options, where to write, and the stacks. Most scenarios share one
 * stack, started when the first asks for it; a scenario that needs a stack set up otherwise (a
 * collector with devices, PostgreSQL on a small volume) starts its own, which is stopped when the
 * harness ends (or earlier, by the scenario).
 */
final class FaultsContext implements AutoCloseable {

  private final FaultsOptions options;
  private final Path home;
  private final Path outputDir;
  private final PrintStream out;
  // One stack runs at a time, so that two never compete for the machine's cores.
  private BenchStack current;
  private boolean currentIsShared;

  FaultsContext(FaultsOptions options, Path home, Path outputDir, PrintStream out) {
    this.options = options;
    this.home = home;
    this.outputDir = outputDir;
    this.out = out;
  }

  FaultsOptions options() {
    return options;
  }

  Path home() {
    return home;
  }

  Path outputDir() {
    return outputDir;
  }

  PrintStream out() {
    return out;
  }

  /**
   * The stack most scenarios share, in {@code <output>/stack}; started on first use (and again
   * after a scenario's own stack replaced it).
   */
  synchronized BenchStack sharedStack() throws Exception {
    if (current == null || !currentIsShared) {
      current = start("stack", builder -> builder);
      currentIsShared = true;
    }
    return current;
  }

  /**
   * A stack of the scenario's own in {@code <output>/stack-<name>}, with {@code customize} applied
   * to its options last; whatever stack ran before is stopped first.
   */
  synchronized BenchStack ownStack(String name, UnaryOperator<StackOptions.Builder> customize)
      throws Exception {
    current = start("stack-" + name, customize);
    currentIsShared = false;
    return current;
  }

  private BenchStack start(String dir, UnaryOperator<StackOptions.Builder> customize)
      throws Exception {
    close();
    long started = System.nanoTime();
    BenchStack stack = BenchStack.start(home, outputDir.resolve(dir), out, customize);
    out.printf("Stack %s up in %d s%n", dir, (System.nanoTime() - started) / 1_000_000_000L);
    return stack;
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
