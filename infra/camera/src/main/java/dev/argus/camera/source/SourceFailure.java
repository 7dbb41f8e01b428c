package dev.argus.camera.source;

/**
 * Why a camera gave no frames: {@link Kind#OFFLINE} when it cannot be reached (refused, timeout,
 * stream ended), {@link Kind#ERROR} when it answers but not usefully (401, 404, undecodable). The
 * message is the reason shown to operators (e.g. {@code 401 Unauthorized}, {@code connection
 * refused}).
 */
public final class SourceFailure extends Exception {

  /** The two kinds of failure a status reports. */
  public enum Kind {
    OFFLINE,
    ERROR
  }

  private final Kind kind;

  public SourceFailure(Kind kind, String reason) {
    super(reason);
    this.kind = kind;
  }

  public SourceFailure(Kind kind, String reason, Throwable cause) {
    super(reason, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
