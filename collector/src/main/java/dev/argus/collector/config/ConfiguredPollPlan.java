package dev.argus.collector.config;

import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.power.discovery.NutServer;
import dev.argus.collector.power.discovery.NutUpsDiscovery;
import dev.argus.collector.power.schedule.PollPlan;
import dev.argus.contract.config.RuntimeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The poll plan as configured: the devices of {@link ManagedConfig}, the UPSes discovered on the
 * runtime configuration's {@code nut_host}, and the runtime poll interval and pause. Without a
 * published runtime configuration the environment's poll interval applies and nothing is
 * discovered, as before the configuration topic existed.
 */
public final class ConfiguredPollPlan implements PollPlan {

  private final ManagedConfig config;
  private final Duration environmentPollInterval;
  private final NutUpsDiscovery discovery;
  private volatile int discovered;

  public ConfiguredPollPlan(
      ManagedConfig config, Duration environmentPollInterval, NutUpsDiscovery discovery) {
    this.config = config;
    this.environmentPollInterval = environmentPollInterval;
    this.discovery = discovery;
  }

  @Override
  public Duration pollInterval() {
    RuntimeConfig runtime = config.runtime();
    return runtime == null
        ? environmentPollInterval
        : Duration.ofMinutes(runtime.pollIntervalMinutes());
  }

  @Override
  public boolean paused() {
    RuntimeConfig runtime = config.runtime();
    return runtime != null && runtime.schedulerPaused();
  }

  @Override
  public List<Device> devicesForCycle() {
    List<Device> devices = new ArrayList<>(config.polledDevices().devices());
    NutServer server = discoveryServer(config.runtime());
    if (server == null) {
      discovered = 0;
      return devices;
    }
    List<NutDevice> found = discovery.discover(server, devices.stream().map(Device::id).toList());
    discovered = found.size();
    devices.addAll(found);
    return devices;
  }

  @Override
  public int devicesConfigured() {
    return config.polledDevices().devices().size()
        + (discoveryServer(config.runtime()) == null ? 0 : discovered);
  }

  /** The NUT server to discover UPSes on, or null when discovery is off. */
  static NutServer discoveryServer(RuntimeConfig runtime) {
    if (runtime == null
        || runtime.scanningDisabled()
        || runtime.nutHost() == null
        || runtime.nutHost().isBlank()) {
      return null;
    }
    String username =
        runtime.nutUsername() == null || runtime.nutUsername().isBlank()
            ? null
            : runtime.nutUsername().trim();
    // NUT sends PASSWORD only after USERNAME: a password without a user name cannot be used.
    String password =
        username == null || runtime.nutPassword() == null || runtime.nutPassword().isEmpty()
            ? null
            : runtime.nutPassword();
    return new NutServer(
        runtime.nutHost().trim(),
        runtime.nutPort() == null ? NutDevice.DEFAULT_PORT : runtime.nutPort(),
        username,
        password);
  }
}
