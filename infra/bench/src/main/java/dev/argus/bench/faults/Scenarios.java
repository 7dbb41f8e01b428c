package dev.argus.bench.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every written scenario by name, in the order {@code faults.sh} runs them when none is named. A
 * new scenario is one line here and a class of its own.
 */
final class Scenarios {

  private static final Map<String, Function<FaultsOptions, Scenario>> BY_NAME =
      new LinkedHashMap<>();
  private static final List<String> ON_DEMAND = new ArrayList<>();

  static {
    register("processor-kill", options -> Scenario.underLoad(Fault.processorKill()));
    register(
        "broker-restart", options -> Scenario.underLoad(Fault.brokerRestart(options.outage())));
    register(CollectorBrokerOutage.NAME, CollectorBrokerOutage::new);
    register(CollectorKill.NAME, CollectorKill::new);
    register(TwoCollectors.NAME, TwoCollectors::new);
    register("postgres-down", options -> Scenario.underLoad(new PostgresDown(options.dbOutage())));
    register("api-kill-outbox", options -> Scenario.underLoad(new ApiKillOutbox()));
    register("three-processors", options -> Scenario.underLoad(new ThreeProcessors(options)));
    register(TwoApis.NAME, options -> Scenario.underLoad(new TwoApis()));
    register("poison", options -> Scenario.underLoad(new PoisonFault("poison-records")));
    register("disk-pressure", options -> new DiskPressure(options.diskFull()));
    // 30 minutes at 5,000 readings/s: only when asked for by name.
    onDemand("soak", Soak::new);
  }

  private Scenarios() {}

  private static void register(String name, Function<FaultsOptions, Scenario> factory) {
    BY_NAME.put(name, factory);
  }

  private static void onDemand(String name, Function<FaultsOptions, Scenario> factory) {
    register(name, factory);
    ON_DEMAND.add(name);
  }

  /** Every scenario but those run only when named. */
  static List<String> defaults() {
    return BY_NAME.keySet().stream().filter(name -> !ON_DEMAND.contains(name)).toList();
  }

  static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  static Scenario create(String name, FaultsOptions options) {
    Function<FaultsOptions, Scenario> factory = BY_NAME.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("No scenario " + name);
    }
    return factory.apply(options);
  }
}
