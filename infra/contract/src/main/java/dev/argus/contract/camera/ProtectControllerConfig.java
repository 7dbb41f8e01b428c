package dev.argus.contract.camera;

import java.util.Map;

/**
 * A UniFi Protect controller as managed through {@code /api/v1/protect/controllers}, published
 * under {@link dev.argus.contract.config.ConfigKeys#protectController}. The collector it is
 * assigned to keeps one session to it (login, bootstrap, the updates websocket) while it is
 * enabled, and turns the events of the controller's cameras that are Argus cameras (type {@code
 * protect}) into {@link MotionReading}s.
 *
 * @param id the controller's UUID
 * @param host a host name or address, no scheme
 * @param port HTTPS port, 443 by default
 * @param username a local user of the controller (not secret)
 * @param credentials secrets only ({@code password}), each value encrypted with the system's secret
 *     cipher ({@code enc:…}, context {@link
 *     dev.argus.contract.secrets.SecretContext#protectControllerField}); collectors decrypt them
 * @param verifySsl whether the controller's certificate must be trusted (most controllers have a
 *     self-signed one, so users turn this off knowingly)
 * @param collector the collector that runs it; null for any collector that accepts unassigned work
 */
public record ProtectControllerConfig(
    String id,
    String name,
    String host,
    int port,
    String username,
    Map<String, String> credentials,
    boolean verifySsl,
    boolean enabled,
    String collector) {

  public ProtectControllerConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is required");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
  }
}
