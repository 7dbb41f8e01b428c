package dev.argus.api.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * The body of {@code POST /api/devices}, {@code PUT /api/devices/{device_id}} and the items of
 * {@code PUT /api/devices}, as the seed's device. {@code type}, {@code poller}, {@code port} and
 * {@code enabled} may be left out: {@code ups}, {@code nut}, the poller's usual port (NUT 3493,
 * SNMP 161) and true. {@code collector_id} (optional) names the collector that polls the device;
 * without it every collector that accepts unassigned devices does.
 *
 * <p>Validated by {@code DeviceController} with the path's id filled in; each field gets at most
 * one message, and the controller lists them in the order of the fields.
 */
public record DeviceRequest(
    @DeviceIdentifier(
            requiredMessage = "id is required",
            message =
                "id must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or"
                    + " digit, got '${validatedValue}'")
        String id,
    @NotBlank(message = "name is required")
        @MaxLength(value = 200, message = "name must be at most 200 characters")
        String name,
    @Pattern(regexp = "ups|pdu", message = "type must be ups or pdu, got '${validatedValue}'")
        String type,
    @Pattern(regexp = "nut|snmp", message = "poller must be nut or snmp, got '${validatedValue}'")
        String poller,
    @NotBlank(message = "host is required")
        @PollableHost(
            field = "host",
            message = "host must be a host name or IP address, got '${validatedValue}'")
        String host,
    @Min(value = 1, message = PORT_RULE) @Max(value = 65_535, message = PORT_RULE) Integer port,
    Boolean enabled,
    @JsonProperty("connection_config") Map<String, Object> connectionConfig,
    @JsonProperty("collector_id")
        @DeviceIdentifier(
            message =
                "collector_id must be 1-64 letters, digits, '.', '_', ':' or '-', got"
                    + " '${validatedValue}'")
        String collectorId) {

  private static final String PORT_RULE = "port must be between 1 and 65535, got ${validatedValue}";
  private static final int NUT_PORT = 3493;
  private static final int SNMP_PORT = 161;

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
