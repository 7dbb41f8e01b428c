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
 * @param soakMinutes how long the soak's load runs
 * @param soakRate the soak's readings a second
 * @param soakSampleSeconds seconds between the soak's samples of lag, memory and database size
 * @param dbOutage seconds PostgreSQL stays down ({@code postgres-down})
 * @param diskFull seconds the database's volume stays full ({@code disk-pressure})
 */
record FaultsOptions(
    List<String> scenarios,
    int devices,
    int seconds,
    int killAfter,
    int outage,
    int drainTimeout,
    int soakMinutes,
    int soakRate,
    int soakSampleSeconds,
    int dbOutage,
    int diskFull) {

  static final List<String> WRITTEN = Scenarios.names();

  /** What runs when no scenario is named: every written one but those run on demand (the soak). */
  static final List<String> DEFAULT = Scenarios.defaults();

  static final String USAGE =
      "Usage: infra/bin/faults.sh [--devices=200] [--seconds=60] [--kill-after=20]"
          + " [--outage=30] [--drain-timeout=240] [--soak-minutes=30] [--soak-rate=5000]"
          + " [--soak-sample=30] [--db-outage=60] [--disk-full=30] [scenario...]\n  scenarios: "
          + String.join(" ", WRITTEN)
          + "\n  default: "
          + String.join(" ", DEFAULT);

  FaultsOptions {
    if (devices < 1
        || seconds < 2
        || killAfter < 1
        || killAfter >= seconds
        || outage < 0
        || drainTimeout < 1
        || soakMinutes < 1
        || soakRate < 1
        || soakSampleSeconds < 1
        || dbOutage < 0
        || diskFull < 0) {
      throw new IllegalArgumentException(
          "--devices, --seconds, --drain-timeout and the --soak-* options must be positive,"
              + " --outage, --db-outage and --disk-full not negative and --kill-after between 1"
              + " and --seconds - 1\n"
              + USAGE);
    }
    scenarios = List.copyOf(scenarios);
  }

  /** With the default database outage (60 s) and full disk (30 s). */
  FaultsOptions(
      List<String> scenarios,
      int devices,
      int seconds,
      int killAfter,
      int outage,
      int drainTimeout,
      int soakMinutes,
      int soakRate,
      int soakSampleSeconds) {
    this(
        scenarios,
        devices,
        seconds,
        killAfter,
        outage,
        drainTimeout,
        soakMinutes,
        soakRate,
        soakSampleSeconds,
        60,
        30);
  }

  static FaultsOptions parse(String... args) {
    List<String> scenarios = new ArrayList<>();
    int devices = 200;
    int seconds = 60;
    int killAfter = 20;
    int outage = 30;
    int drainTimeout = 240;
    int soakMinutes = 30;
    int soakRate = 5000;
    int soakSample = 30;
    int dbOutage = 60;
    int diskFull = 30;
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
      } else if (arg.startsWith("--soak-minutes=")) {
        soakMinutes = number(arg);
      } else if (arg.startsWith("--soak-rate=")) {
        soakRate = number(arg);
      } else if (arg.startsWith("--soak-sample=")) {
        soakSample = number(arg);
      } else if (arg.startsWith("--db-outage=")) {
        dbOutage = number(arg);
      } else if (arg.startsWith("--disk-full=")) {
        diskFull = number(arg);
      } else if (WRITTEN.contains(arg)) {
        scenarios.add(arg);
      } else {
        throw new IllegalArgumentException("Unknown argument " + arg + "\n" + USAGE);
      }
    }
    return new FaultsOptions(
        scenarios.isEmpty() ? DEFAULT : scenarios,
        devices,
        seconds,
        killAfter,
        outage,
        drainTimeout,
        soakMinutes,
        soakRate,
        soakSample,
        dbOutage,
        diskFull);
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
