package dev.argus.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scenarios to run and at what size. {@code --quick} shrinks every size for a smoke run of a
 * minute or two; the default sizes keep the whole run under 20 minutes on 2 cores.
 */
record BenchOptions(
    Set<String> scenarios,
    boolean quick,
    int ingestDevices,
    int ingestReadingsPerDevice,
    int latencyRate,
    int latencySeconds,
    int apiDevices,
    int apiSnapshotsPerDevice,
    int apiEvents,
    int wrkSeconds,
    int scalingDevices,
    int scalingReadingsPerDevice,
    int llmModels,
    List<Integer> cameraCounts,
    int cameraWarmupSeconds,
    int cameraWindowSeconds,
    int cameraEpisodes,
    int detectorFrames) {

  static final List<String> SCENARIOS =
      List.of("ingest", "memory", "latency", "scaling", "api", "llm", "camera", "detector");

  /** Scenarios that need no stack: when only they are asked, the stack is not started. */
  static final Set<String> WITHOUT_STACK = Set.of("detector");

  static BenchOptions parse(String[] args) {
    List<String> flags = new ArrayList<>(List.of(args));
    if (flags.contains("--help") || flags.contains("-h")) {
      throw new IllegalArgumentException(usage());
    }
    boolean quick = flags.remove("--quick");
    for (String flag : flags) {
      if (!SCENARIOS.contains(flag)) {
        throw new IllegalArgumentException("Unknown scenario or flag '" + flag + "'.\n" + usage());
      }
    }
    Set<String> scenarios = new LinkedHashSet<>(flags.isEmpty() ? SCENARIOS : flags);
    return quick
        ? new BenchOptions(
            scenarios,
            true,
            1_000,
            20,
            1_000,
            10,
            1_000,
            100,
            2_000,
            3,
            250,
            8,
            50,
            List.of(1, 2),
            5,
            10,
            20,
            15)
        : new BenchOptions(
            scenarios,
            false,
            2_000,
            150,
            5_000,
            30,
            10_000,
            500,
            100_000,
            10,
            1_000,
            25,
            500,
            List.of(1, 2, 4, 8),
            10,
            30,
            40,
            60);
  }

  boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }

  boolean needsStack() {
    return scenarios.stream().anyMatch(s -> !WITHOUT_STACK.contains(s));
  }

  static String usage() {
    return """
    Usage: infra/bin/bench.sh [--quick] [scenario ...]
      scenarios: ingest memory latency scaling api llm camera detector (default: all; they run in this order)
      --quick    small sizes: a smoke run of the harness, not a measurement\
    """;
  }
}
