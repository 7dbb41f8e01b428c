package dev.argus.collector.config;

import dev.argus.collector.protect.DesiredController;
import dev.argus.contract.camera.CameraConfig;
import java.util.List;

/**
 * Told every Protect controller of {@code argus.config} (as this collector sees it) and every
 * camera whenever either changes, and once when the collector has read the topic at start-up: a
 * Protect session needs both, the controller to connect to and the cameras whose events it
 * publishes. Called on the config reader's thread.
 */
@FunctionalInterface
public interface ProtectListener {

  void protectChanged(List<DesiredController> controllers, List<CameraConfig> cameras);
}
