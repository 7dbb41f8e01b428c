package dev.argus.protect;

/**
 * A controller that could not be reached or answered what it should not; the message is for people.
 */
public class ProtectException extends Exception {

  /** What went wrong, for callers that act on it (retry, give up, tell the user). */
  public enum Kind {
    /** Wrong user name or password (401/403 on login). */
    UNAUTHORIZED,
    /** Connection refused, unknown host, no route. */
    UNREACHABLE,
    /** The certificate is not trusted (verify_ssl on) or the handshake failed. */
    TLS,
    /** No answer in time. */
    TIMEOUT,
    /** An answer that is not what the protocol says (status, JSON, frame). */
    BAD_ANSWER,
    /** The media is not there (a snapshot or clip still 404 after the retries). */
    NOT_FOUND
  }

  private final Kind kind;

  public ProtectException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ProtectException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
