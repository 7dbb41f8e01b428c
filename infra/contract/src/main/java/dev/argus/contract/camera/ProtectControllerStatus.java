package dev.argus.contract.camera;

import java.time.Instant;

/**
 * A Protect session's state on the compacted {@code argus.protect.status} (key: controller UUID):
 * sent by the collector that runs the session when its state changes and every status interval.
 *
 * @param state {@code connected}, {@code connecting}, {@code error} (login refused, bad answer) or
 *     {@code stopped}
 * @param reason why it is not connected (e.g. {@code 401 Unauthorized}, {@code connection refused},
 *     {@code silent for 60 s}); null when connected
 * @param nvrName the controller's name from the bootstrap, when known
 * @param nvrVersion the controller's firmware version from the bootstrap, when known
 * @param camerasFound cameras in the last bootstrap, when known
 * @param lastUpdateId the {@code newUpdateId} of the last update frame read, when known
 * @param lastEventAt when the last camera event (motion, smart detection, ring) was read
 */
public record ProtectControllerStatus(
    String controllerId,
    String collectorId,
    String state,
    String reason,
    String nvrName,
    String nvrVersion,
    Integer camerasFound,
    String lastUpdateId,
    Instant lastEventAt,
    Instant at) {

  public static final String CONNECTED = "connected";
  public static final String CONNECTING = "connecting";
  public static final String ERROR = "error";
  public static final String STOPPED = "stopped";

  public ProtectControllerStatus {
    if (controllerId == null || controllerId.isBlank() || state == null || at == null) {
      throw new IllegalArgumentException("controller_id, state and at are required");
    }
  }
}
