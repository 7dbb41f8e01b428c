package dev.argus.collector.config;

import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.DeviceConfigMapper;
import dev.argus.contract.config.DeviceConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The devices this collector polls: those of its own configuration ({@code ARGUS_COLLECTOR_DEVICES}
 * or the YAML list), then the enabled api-managed devices assigned to it.
 *
 * @param devices in polling order: static devices first, then managed ones by id
 * @param skipped managed devices that are for this collector but cannot be polled, with the reason
 *     (an invalid {@code connection_config}, an id a static device already has)
 */
public record PolledDevices(List<Device> devices, Map<String, String> skipped) {

  public PolledDevices {
    devices = List.copyOf(devices);
    skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
  }

  /**
   * @param collectorId this collector: a managed device with another {@code collector_id} is
   *     another collector's
   * @param acceptUnassigned whether a managed device without {@code collector_id} is polled here
   */
  public static PolledDevices merge(
      List<Device> staticDevices,
      Collection<DeviceConfig> managed,
      String collectorId,
      boolean acceptUnassigned,
      DeviceConfigMapper mapper) {
    List<Device> devices = new ArrayList<>(staticDevices);
    Set<String> staticIds = new HashSet<>();
    staticDevices.forEach(device -> staticIds.add(device.id()));
    Map<String, String> skipped = new LinkedHashMap<>();
    for (DeviceConfig config : managed) {
      if (!config.enabled() || !isForThisCollector(config, collectorId, acceptUnassigned)) {
        continue;
      }
      if (staticIds.contains(config.id())) {
        skipped.put(
            config.id(),
            "ARGUS_COLLECTOR_DEVICES / argus.collector.devices has a device with this id; that one"
                + " is polled");
        continue;
      }
      try {
        devices.add(mapper.toDevice(config));
      } catch (IllegalArgumentException e) {
        skipped.put(config.id(), e.getMessage());
      }
    }
    return new PolledDevices(devices, skipped);
  }

  static boolean isForThisCollector(
      DeviceConfig config, String collectorId, boolean acceptUnassigned) {
    if (config.collectorId() == null || config.collectorId().isBlank()) {
      return acceptUnassigned;
    }
    return config.collectorId().trim().equals(collectorId);
  }
}
