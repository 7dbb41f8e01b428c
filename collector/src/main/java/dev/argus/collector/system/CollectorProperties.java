package dev.argus.collector.system;

import dev.argus.collector.power.device.Device;
import dev.argus.collector.power.device.DeviceProperties;
import dev.argus.contract.settings.Durations;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The collector's settings ({@code argus.collector.*}), validated when bound: a bad value stops
 * start-up with a message naming the setting and its environment variable.
 *
 * @param collectorId {@code ARGUS_COLLECTOR_ID}; default: the host name
 * @param pollInterval {@code ARGUS_POLL_INTERVAL}, e.g. {@code 30s}, {@code 5m}; at least 1 s
 * @param connectTimeout {@code ARGUS_NUT_CONNECT_TIMEOUT}: TCP connect to a NUT server
 * @param readTimeout {@code ARGUS_NUT_READ_TIMEOUT}: one whole answer of a NUT server
 * @param pollDeadline {@code ARGUS_POLL_DEADLINE}: everything one device's poll may take
 * @param heartbeatInterval {@code ARGUS_HEARTBEAT_INTERVAL}
 * @param devices {@code ARGUS_COLLECTOR_DEVICES} as comma-separated {@code nut://} or {@code
 *     snmp://} URIs, or a list in a configuration file; see {@link DeviceProperties}
 * @param acceptUnassignedDevices {@code ARGUS_COLLECTOR_ACCEPT_UNASSIGNED_DEVICES}: whether this
 *     collector polls api-managed devices that name no collector; default true
 * @param acceptUnassignedTargets {@code ARGUS_COLLECTOR_ACCEPT_UNASSIGNED_TARGETS}: whether this
 *     collector probes uptime targets that name no collector; default true
 */
@ConfigurationProperties("argus.collector")
public record CollectorProperties(
    String collectorId,
    Duration pollInterval,
    Duration connectTimeout,
    Duration readTimeout,
    Duration pollDeadline,
    Duration heartbeatInterval,
    List<DeviceProperties> devices,
    Boolean acceptUnassignedDevices,
    Boolean acceptUnassignedTargets) {

  static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

  public CollectorProperties {
    collectorId = collectorId == null || collectorId.isBlank() ? hostName() : collectorId.trim();
    pollInterval = orDefault(pollInterval, Duration.ofMinutes(5));
    connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(3));
    readTimeout = orDefault(readTimeout, Duration.ofSeconds(5));
    pollDeadline = orDefault(pollDeadline, Duration.ofSeconds(15));
    heartbeatInterval = orDefault(heartbeatInterval, Duration.ofSeconds(10));
    // A blank entry (a trailing comma in ARGUS_COLLECTOR_DEVICES) binds as null.
    devices = devices == null ? List.of() : devices.stream().filter(Objects::nonNull).toList();
    acceptUnassignedDevices = acceptUnassignedDevices == null || acceptUnassignedDevices;
    acceptUnassignedTargets = acceptUnassignedTargets == null || acceptUnassignedTargets;
    if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "argus.collector.poll-interval (ARGUS_POLL_INTERVAL) must be at least 1s, was "
              + pollInterval);
    }
    Durations.requirePositive(
        connectTimeout, "argus.collector.connect-timeout (ARGUS_NUT_CONNECT_TIMEOUT)");
    Durations.requirePositive(readTimeout, "argus.collector.read-timeout (ARGUS_NUT_READ_TIMEOUT)");
    Durations.requirePositive(pollDeadline, "argus.collector.poll-deadline (ARGUS_POLL_DEADLINE)");
    Durations.requirePositive(
        heartbeatInterval, "argus.collector.heartbeat-interval (ARGUS_HEARTBEAT_INTERVAL)");
    if (!collectorId.matches("[A-Za-z0-9._:-]{1,200}")) {
      throw new IllegalArgumentException(
          "argus.collector.collector-id (ARGUS_COLLECTOR_ID) must be 1-200 letters, digits, '.',"
              + " '_', ':' or '-', was '"
              + collectorId
              + "'");
    }
    configuredDevices(devices);
  }

  /** Every configured device, validated and with defaults applied, in configuration order. */
  public List<Device> configuredDevices() {
    return configuredDevices(devices);
  }

  private static List<Device> configuredDevices(List<DeviceProperties> devices) {
    List<Device> all = new ArrayList<>();
    Map<String, String> origins = new HashMap<>();
    for (int i = 0; i < devices.size(); i++) {
      String origin = "ARGUS_COLLECTOR_DEVICES / argus.collector.devices entry " + (i + 1);
      Device device = devices.get(i).toDevice(origin);
      requireUniqueId(device, origin, origins);
      all.add(device);
    }
    return List.copyOf(all);
  }

  private static void requireUniqueId(Device device, String origin, Map<String, String> origins) {
    String earlier = origins.putIfAbsent(device.id(), origin);
    if (earlier != null) {
      throw new IllegalArgumentException(
          origin
              + " has the device id '"
              + device.id()
              + "' of "
              + earlier
              + "; give one of them another id");
    }
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.trim();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "collector";
    }
  }

  @Override
  public String toString() {
    return "CollectorProperties[collectorId="
        + collectorId
        + ", pollInterval="
        + pollInterval
        + ", devices="
        + configuredDevices()
        + ", acceptUnassignedDevices="
        + acceptUnassignedDevices
        + ", acceptUnassignedTargets="
        + acceptUnassignedTargets
        + "]";
  }
}
