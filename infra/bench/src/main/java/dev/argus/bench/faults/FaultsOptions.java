package dev.argus.bench.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code faults.sh} was asked to run: scenario names and the load's size.
 *
 * @param scenarios the scenarios to run, in order
 * @param devices synthetic devices; each sends one reading a second, so this is the rate
 * @param seconds how long the load runs
 * @param killAfter the fault is injected halfway through this second of the load
 * @param outage seconds a stopped part stays down (the broker)
 * @param drainTimeout seconds to wait after the load for every row to arrive
 */
record FaultsOptions(
    List<String> scenarios, int devices, int seconds, int killAfter, int outage, int drainTimeout) {

  static final List<String> WRITTEN = Scenarios.names();

  /** The rest of issue 14's list: named so that asking for one says it does not exist yet. */
  static final List<String> NOT_YET_WRITTEN =
      List.of(
          "postgres-down",
          "api-kill-outbox",
          "three-processors",
          "two-apis",
          "poison",
          "disk-pressure",
          "soak");

  static final String USAGE =
      "Usage: infra/bin/faults.sh [--devices=200] [--seconds=60] [--kill-after=20]"
          + " [--outage=30] [--drain-timeout=240] [scenario...]\n  scenarios: "
          + String.join(" ", WRITTEN)
          + " (default: all written)\n  not yet written: "
          + String.join(" ", NOT_YET_WRITTEN);

  FaultsOptions {
    if (devices < 1
        || seconds < 2
        || killAfter < 1
        || killAfter >= seconds
        || outage < 0
        || drainTimeout < 1) {
      throw new IllegalArgumentException(
          "--devices, --seconds and --drain-timeout must be positive and --kill-after between 1"
              + " and --seconds - 1\n"
              + USAGE);
    }
    scenarios = List.copyOf(scenarios);
  }

  static FaultsOptions parse(String... args) {
    List<String> scenarios = new ArrayList<>();
    int devices = 200;
    int seconds = 60;
    int killAfter = 20;
    int outage = 30;
    int drainTimeout = 240;
    for (String arg : args) {
      if (arg.startsWith("--devices=")) {
        devices = number(arg);
      } else if (arg.startsWith("--seconds=")) {
        seconds = number(arg);
      } else if (arg.startsWith("--kill-after=")) {
        killAfter = number(arg);
      } else if (arg.startsWith("--outage=")) {
        outage = number(arg);
      } else if (arg.startsWith("--drain-timeout=")) {
        drainTimeout = number(arg);
      } else if (WRITTEN.contains(arg)) {
        scenarios.add(arg);
      } else if (NOT_YET_WRITTEN.contains(arg)) {
        throw new IllegalArgumentException(
            "The scenario " + arg + " is not written yet (issue 14)\n" + USAGE);
      } else {
        throw new IllegalArgumentException("Unknown argument " + arg + "\n" + USAGE);
      }
    }
    return new FaultsOptions(
        scenarios.isEmpty() ? WRITTEN : scenarios,
        devices,
        seconds,
        killAfter,
        outage,
        drainTimeout);
  }

  private static int number(String arg) {
    String value = arg.substring(arg.indexOf('=') + 1);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          arg.substring(0, arg.indexOf('=')) + " must be a whole number, not " + value);
    }
  }
}
