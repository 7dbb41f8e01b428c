package dev.argus.collector.config;

import dev.argus.collector.camera.DesiredCamera;
import java.util.List;

/**
 * Told every camera of {@code argus.config} (as this collector sees it: assigned here or not, the
 * password decrypted for those that run here) whenever the cameras change, and once when the
 * collector has read the topic at start-up. Called on the config reader's thread.
 */
@FunctionalInterface
public interface CamerasListener {

  void camerasChanged(List<DesiredCamera> cameras);
}
