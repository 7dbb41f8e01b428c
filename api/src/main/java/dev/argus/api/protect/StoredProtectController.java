package dev.argus.api.protect;

import dev.argus.contract.camera.ProtectControllerConfig;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code protect_controllers} with its row of {@code protect_controller_status}: {@code
 * credentials} hold envelopes ({@code enc:…}), which only the collectors decrypt.
 */
record StoredProtectController(
    UUID id,
    ProtectControllerSettings settings,
    Map<String, String> credentials,
    Instant createdAt,
    Instant updatedAt,
    ProtectController.Status status) {

  static final String PASSWORD = "password";

  ProtectController view() {
    ProtectControllerSettings s = settings;
    return new ProtectController(
        id,
        s.name(),
        s.host(),
        s.port(),
        s.username(),
        credentials.containsKey(PASSWORD),
        s.verifySsl(),
        s.enabled(),
        s.collector(),
        status,
        createdAt,
        updatedAt);
  }

  /** What collectors get on {@code argus.config}: the password still encrypted. */
  ProtectControllerConfig toConfig() {
    ProtectControllerSettings s = settings;
    return new ProtectControllerConfig(
        id.toString(),
        s.name(),
        s.host(),
        s.port(),
        s.username(),
        credentials,
        s.verifySsl(),
        s.enabled(),
        s.collector());
  }

  /** The settings as a body, for merging a PUT into (the password is not part of it). */
  ProtectControllerRequest toRequest() {
    ProtectControllerSettings s = settings;
    return new ProtectControllerRequest(
        s.name(),
        s.host(),
        s.port(),
        s.username(),
        null,
        s.verifySsl(),
        s.enabled(),
        s.collector());
  }
}
