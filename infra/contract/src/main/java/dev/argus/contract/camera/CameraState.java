package dev.argus.contract.camera;

/** What a camera worker reports on {@code argus.camera.status}. */
public enum CameraState {
  /** Frames arrive. */
  ONLINE,
  /** The source cannot be reached (refused, timeout, stream ended); the worker retries. */
  OFFLINE,
  /** The source answers but not usefully (401, 404, undecodable); the worker retries. */
  ERROR,
  /** Stopped, disabled or deleted: no worker runs. */
  STOPPED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
