package dev.argus.collector.camera;

import dev.argus.camera.source.SourceSpec;
import dev.argus.contract.camera.CameraConfig;

/**
 * A camera of {@code argus.config} as this collector sees it.
 *
 * @param config as published by the api (credentials still encrypted)
 * @param assignedHere its {@code collector} is this collector, or it names none and this collector
 *     accepts unassigned work
 * @param source where its frames come from, the password decrypted; null when it does not run here
 *     or cannot be read
 * @param problem why a camera that should run here cannot (a password that cannot be decrypted, a
 *     missing URL); null otherwise. Never holds a secret.
 */
public record DesiredCamera(
    CameraConfig config, boolean assignedHere, SourceSpec source, String problem) {

  /** Whether a worker should capture from it on this collector. */
  public boolean runsHere() {
    return assignedHere && config.shouldRun() && source != null && problem == null;
  }

  public String id() {
    return config.id();
  }
}
