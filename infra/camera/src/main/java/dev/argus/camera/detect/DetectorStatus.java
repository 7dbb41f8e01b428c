package dev.argus.camera.detect;

/**
 * Whether a detector can answer, and if not why, in the words operators read: {@code active},
 * {@code starting}, {@code restarting: <reason>}, {@code missing: node not found}, {@code missing:
 * run infra/bin/install-detector.sh}, {@code failed: <reason>}.
 */
public record DetectorStatus(State state, String reason) {

  public enum State {
    /** The sidecar answered its ready line. */
    ACTIVE,
    /** Not started yet: the first frame starts it. */
    STARTING,
    /** It died, failed to start or hung; the next frame (after a backoff) starts it again. */
    RESTARTING,
    /** Node or the installed sidecar is not there: nothing will be tried. */
    MISSING,
    /** It was tried and gave up (too many failed starts in a row). */
    FAILED
  }

  public static final DetectorStatus ACTIVE = new DetectorStatus(State.ACTIVE, null);
  public static final DetectorStatus STARTING = new DetectorStatus(State.STARTING, null);

  public static DetectorStatus missing(String reason) {
    return new DetectorStatus(State.MISSING, reason);
  }

  public static DetectorStatus restarting(String reason) {
    return new DetectorStatus(State.RESTARTING, reason);
  }

  public static DetectorStatus failed(String reason) {
    return new DetectorStatus(State.FAILED, reason);
  }

  /** Whether frames may be sent: active, or about to (re)start. */
  public boolean usable() {
    return state == State.ACTIVE || state == State.STARTING || state == State.RESTARTING;
  }

  @Override
  public String toString() {
    String name = state.name().toLowerCase(java.util.Locale.ROOT);
    return reason == null ? name : name + ": " + reason;
  }
}
