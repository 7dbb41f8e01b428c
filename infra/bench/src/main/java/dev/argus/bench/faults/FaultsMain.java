package dev.argus.bench.faults;

import dev.argus.bench.BenchMain;
import dev.argus.bench.Results;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts the real local stack (free ports, no demo fleet), runs the asked fault scenarios one after
 * another on it, and writes one row per scenario to {@code infra/bench/target/faults/results.json}
 * and {@code results.md}. Run by {@code infra/bin/faults.sh}; never by {@code mvn verify}.
 */
public final class FaultsMain {

  private FaultsMain() {}

  public static void main(String[] args) throws Exception {
    FaultsOptions options;
    try {
      options = FaultsOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path home = BenchMain.findHome();
    boolean passed = run(options, home, home.resolve("infra/bench/target/faults"), System.out);
    // The Kafka client threads must not keep the JVM alive.
    System.exit(passed ? 0 : 1);
  }

  static boolean run(FaultsOptions options, Path home, Path outputDir, PrintStream out)
      throws Exception {
    Results<ScenarioRow> results =
        new Results<>("Argus fault harness results", "scenarios", ScenarioRow::table);
    Instant started = Instant.now();
    results.condition("started_at", started.toString());
    results.condition("cpus", Runtime.getRuntime().availableProcessors());
    results.condition("loadavg_before", Files.readString(Path.of("/proc/loadavg")).strip());
    results.condition(
        "load",
        options.devices()
            + " readings/s (one a second of each device) for "
            + options.seconds()
            + " s");
    boolean passed = true;
    try (FaultsContext context = new FaultsContext(options, home, outputDir, out)) {
      for (String name : options.scenarios()) {
        out.printf("== %s%n", name);
        ScenarioRow row = Scenarios.create(name, options).run(context);
        results.add(row);
        passed &= row.passed();
      }
    } finally {
      results.condition("took_seconds", Duration.between(started, Instant.now()).toSeconds());
      results.write(outputDir, out);
      out.println("Written to " + outputDir.resolve("results.json") + " and results.md");
    }
    return passed;
  }
}
