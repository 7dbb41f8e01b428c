package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/devices}, {@code PUT /api/devices/{device_id}} and the items of
 * {@code PUT /api/devices}, as the seed's device. {@code type}, {@code poller}, {@code port} and
 * {@code enabled} may be left out: {@code ups}, {@code nut}, the poller's usual port (NUT 3493,
 * SNMP 161) and true. {@code collector_id} (optional) names the collector that polls the device;
 * without it every collector that accepts unassigned devices does.
 */
public record DeviceRequest(
    String id,
    String name,
    String type,
    String poller,
    String host,
    Integer port,
    Boolean enabled,
    @JsonProperty("connection_config") Map<String, Object> connectionConfig,
    @JsonProperty("collector_id") String collectorId) {

  /** Used in the topic key {@code device/<id>} and in URLs, so no slashes or spaces. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  static final Set<String> TYPES = Set.of("ups", "pdu");
  static final Set<String> POLLERS = Set.of("nut", "snmp");
  private static final int NUT_PORT = 3493;
  private static final int SNMP_PORT = 161;

  /**
   * What is wrong with this device, each problem prefixed with {@code where} (e.g. {@code
   * "devices[2]."}); empty when it is valid.
   */
  List<String> problems(String where) {
    List<String> problems = new ArrayList<>();
    if (id == null || id.isBlank()) {
      problems.add(where + "id is required");
    } else if (!ID.matcher(id).matches()) {
      problems.add(
          where
              + "id must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or"
              + " digit, got '"
              + id
              + "'");
    }
    if (name == null || name.isBlank()) {
      problems.add(where + "name is required");
    } else if (name.length() > 200) {
      problems.add(where + "name must be at most 200 characters");
    }
    if (type != null && !TYPES.contains(type)) {
      problems.add(where + "type must be ups or pdu, got '" + type + "'");
    }
    if (poller != null && !POLLERS.contains(poller)) {
      problems.add(where + "poller must be nut or snmp, got '" + poller + "'");
    }
    if (host == null || host.isBlank()) {
      problems.add(where + "host is required");
    } else if (host.length() > 253 || host.strip().chars().anyMatch(Character::isWhitespace)) {
      problems.add(where + "host must be a host name or IP address, got '" + host + "'");
    } else {
      refusedHost(where + "host", host.strip()).ifPresent(problems::add);
    }
    if (port != null && (port < 1 || port > 65_535)) {
      problems.add(where + "port must be between 1 and 65535, got " + port);
    }
    if (collectorId != null && !collectorId.isBlank() && !ID.matcher(collectorId).matches()) {
      problems.add(
          where
              + "collector_id must be 1-64 letters, digits, '.', '_', ':' or '-', got '"
              + collectorId
              + "'");
    }
    return problems;
  }

  /**
   * Why the collector would refuse to connect to the host (cloud metadata, link-local, unspecified,
   * ...), judged now: a name that does not resolve yet passes and is judged at poll time.
   */
  private static Optional<String> refusedHost(String field, String host) {
    try {
      OutboundAddressGuard.check(field, host);
      return Optional.empty();
    } catch (UnsafeDestinationException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** This request with the path's id, which wins over a missing id in the body. */
  DeviceRequest withId(String pathId) {
    return new DeviceRequest(
        pathId, name, type, poller, host, port, enabled, connectionConfig, collectorId);
  }

  String collectorIdOrNull() {
    return collectorId == null || collectorId.isBlank() ? null : collectorId.strip();
  }

  String typeOrDefault() {
    return type == null ? "ups" : type;
  }

  String pollerOrDefault() {
    return poller == null ? "nut" : poller;
  }

  int portOrDefault() {
    if (port != null) {
      return port;
    }
    return "snmp".equals(pollerOrDefault()) ? SNMP_PORT : NUT_PORT;
  }

  boolean enabledOrDefault() {
    return enabled == null || enabled;
  }
}
