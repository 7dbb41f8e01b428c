package dev.argus.collector.nut;

/**
 * upsd answered a request with {@code ERR <CODE> [detail]}, for example {@code ERR DATA-STALE} (the
 * driver lost the UPS), {@code ERR UNKNOWN-UPS} (wrong UPS name) or {@code ERR ACCESS-DENIED}
 * (wrong credentials or host not allowed).
 */
public final class NutServerError extends NutException {

  private final String code;
  private final String detail;

  public NutServerError(String code, String detail, String request) {
    super(
        "ERR " + code + (detail.isEmpty() ? "" : " " + detail) + " (in answer to " + request + ")");
    this.code = code;
    this.detail = detail;
  }

  /** The NUT error code, e.g. {@code DATA-STALE}. */
  public String code() {
    return code;
  }

  /** Anything upsd sent after the code; empty when nothing. */
  public String detail() {
    return detail;
  }
}
