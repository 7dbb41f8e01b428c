package dev.argus.collector.protect;

import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.protect.ProtectEndpoint;

/**
 * A Protect controller of {@code argus.config} as this collector sees it.
 *
 * @param config as published by the api (the password still encrypted)
 * @param assignedHere its {@code collector} is this collector, or it names none and this collector
 *     accepts unassigned work
 * @param endpoint where to connect, the password decrypted; null when it does not run here or
 *     cannot
 * @param problem why a controller that should run here cannot (a password that cannot be
 *     decrypted); null otherwise. Never holds a secret.
 */
public record DesiredController(
    ProtectControllerConfig config,
    boolean assignedHere,
    ProtectEndpoint endpoint,
    String problem) {

  /** Whether a session to it should run on this collector. */
  public boolean runsHere() {
    return assignedHere && config.enabled() && endpoint != null && problem == null;
  }

  public String id() {
    return config.id();
  }
}
