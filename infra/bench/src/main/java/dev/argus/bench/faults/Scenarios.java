package dev.argus.bench.faults;

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

  static {
    register("processor-kill", options -> Scenario.underLoad(Fault.processorKill()));
    register(
        "broker-restart", options -> Scenario.underLoad(Fault.brokerRestart(options.outage())));
    register(CollectorKill.NAME, CollectorKill::new);
    register(TwoCollectors.NAME, TwoCollectors::new);
    register(CollectorBrokerOutage.NAME, CollectorBrokerOutage::new);
  }

  private Scenarios() {}

  private static void register(String name, Function<FaultsOptions, Scenario> factory) {
    BY_NAME.put(name, factory);
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
